/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Augmented red-black trees.
 *
 * An augmented tree stores, in every node, a summary of the node's whole
 * subtree: for example the largest value found anywhere below it.  That
 * lets a search skip a subtree that cannot contain what it is looking for
 * (the VMA code keeps the largest free gap below each node, so finding a
 * hole of a given size is O(log n)).
 *
 * The tree code does not know what the summary is.  It calls back to the
 * user at the three moments a summary can go stale:
 *
 *   propagate(node, stop)  node's subtree changed: recompute node's
 *                          summary, then its parent's, and so on upward,
 *                          stopping before @stop (NULL = go to the root).
 *                          May stop early once a summary comes out
 *                          unchanged, since nothing above can change then.
 *   copy(old, new)         @new has taken @old's place with exactly the
 *                          same subtree below it: copy the summary.
 *   rotate(old, new)       @new has been rotated above @old.  @new now
 *                          has @old's former subtree (copy the summary)
 *                          and @old has a smaller one (recompute it).
 *
 * RB_DECLARE_CALLBACKS_MAX() writes all three for the common "maximum of
 * some per-node value" summary.
 *
 * Rules for users of an augmented tree:
 *
 *  - Insertion: before calling rb_insert_augmented(), every summary must
 *    already be correct for the tree with the new node linked in.  Either
 *    raise each ancestor's summary on the way down to the slot, then link
 *    the node with its own summary set, or link it with a neutral summary
 *    (one that cannot raise anything, e.g. 0 for an unsigned max) and call
 *    the generated NAME_propagate(&node->field, NULL).
 *  - Erasure: rb_erase_augmented() does everything.
 *  - If a node's own value changes in place, call
 *    NAME_propagate(&node->field, NULL).
 *  - Never use plain rb_insert_color()/rb_erase() on an augmented tree:
 *    their rotations do not call back, so summaries would go stale.
 *
 * This header also exposes the colour helpers and the building blocks of
 * erasure, because rb_erase_augmented() is inlined into its caller so that
 * the compiler can inline the callbacks too.
 */
#ifndef _RBTREE_AUGMENTED_H
#define _RBTREE_AUGMENTED_H

#include <types.h>
#include <compiler.h>
#include <rbtree.h>

/**
 * struct rb_augment_callbacks - how to keep per-subtree summaries right
 * @propagate: recompute summaries from a node upward (see top of file)
 * @copy: a node replaced another with the same subtree
 * @rotate: a rotation moved @new above @old
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

extern void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new));

/**
 * rb_insert_augmented - rebalance an augmented tree after rb_link_node()
 * @node: the node just linked
 * @root: the tree
 * @augment: the tree's callbacks
 *
 * All summaries must already be correct for the tree as linked (see the
 * rules at the top of this file); the rotations done here keep them so.
 */
static inline void rb_insert_augmented(struct rb_node *node,
				       struct rb_root *root,
				       const struct rb_augment_callbacks *augment)
{
	__rb_insert_augmented(node, root, augment->rotate);
}

/**
 * rb_insert_augmented_cached - rb_insert_augmented() for a cached tree
 * @node: the node just linked
 * @root: the tree
 * @newleft: true if @node is now the smallest node
 * @augment: the tree's callbacks
 */
static inline void
rb_insert_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
			   bool newleft,
			   const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

/*
 * RB_DECLARE_CALLBACKS - define the callbacks of an augmented tree
 * @RBSTATIC:    "static" or empty: linkage of the callbacks structure
 * @RBNAME:      name of the struct rb_augment_callbacks to define; the
 *               helpers are called RBNAME_propagate, RBNAME_copy and
 *               RBNAME_rotate
 * @RBSTRUCT:    the user's node type, e.g. struct vm_area_struct
 * @RBFIELD:     name of its struct rb_node member
 * @RBAUGMENTED: name of its summary member
 * @RBCOMPUTE:   bool RBCOMPUTE(RBSTRUCT *node, bool exit): recompute the
 *               summary of @node from @node and its children.  If @exit
 *               and the stored summary already equals the computed one,
 *               return true without storing; otherwise store it and
 *               return false.
 *
 * This is the Linux 5.3+ form of the macro (six arguments).
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME,				\
			     RBSTRUCT, RBFIELD, RBAUGMENTED, RBCOMPUTE)	\
static inline void							\
RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop)		\
{									\
	while (rb != stop) {						\
		RBSTRUCT *node = rb_entry(rb, RBSTRUCT, RBFIELD);	\
		if (RBCOMPUTE(node, true))				\
			break;		/* unchanged: so is all above */ \
		rb = rb_parent(&node->RBFIELD);				\
	}								\
}									\
static inline void							\
RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new)	\
{									\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);		\
	RBSTRUCT *new = rb_entry(rb_new, RBSTRUCT, RBFIELD);		\
	new->RBAUGMENTED = old->RBAUGMENTED;				\
}									\
static void								\
RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new)	\
{									\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);		\
	RBSTRUCT *new = rb_entry(rb_new, RBSTRUCT, RBFIELD);		\
	new->RBAUGMENTED = old->RBAUGMENTED;				\
	RBCOMPUTE(old, false);						\
}									\
RBSTATIC const struct rb_augment_callbacks RBNAME = {			\
	.propagate = RBNAME ## _propagate,				\
	.copy = RBNAME ## _copy,					\
	.rotate = RBNAME ## _rotate,					\
}

/*
 * RB_DECLARE_CALLBACKS_MAX - callbacks for a "maximum over the subtree"
 * summary
 * @RBSTATIC:    "static" or empty
 * @RBNAME:      name of the callbacks structure (as RB_DECLARE_CALLBACKS)
 * @RBSTRUCT:    the user's node type
 * @RBFIELD:     name of its struct rb_node member
 * @RBTYPE:      type of the values, e.g. unsigned long
 * @RBAUGMENTED: member holding the maximum over the node's subtree
 * @RBCOMPUTE:   RBTYPE RBCOMPUTE(RBSTRUCT *node): the node's own value
 *               (a function or a macro)
 *
 * Also defines bool RBNAME_compute_max(RBSTRUCT *node, bool exit), the
 * compute step in the form RB_DECLARE_CALLBACKS wants.
 *
 * Example:  RB_DECLARE_CALLBACKS_MAX(static, vma_gap_callbacks,
 *		struct vm_area_struct, vm_rb, unsigned long,
 *		rb_subtree_gap, vma_compute_gap)
 */
#define __RB_MAX_OF_CHILD(RBSTRUCT, RBFIELD, RBAUGMENTED, child, max)	\
	do {								\
		if (child) {						\
			RBSTRUCT *__c = rb_entry(child, RBSTRUCT, RBFIELD); \
			if (__c->RBAUGMENTED > (max))			\
				(max) = __c->RBAUGMENTED;		\
		}							\
	} while (0)

#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,	\
				 RBTYPE, RBAUGMENTED, RBCOMPUTE)	\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)	\
{									\
	RBTYPE max = RBCOMPUTE(node);					\
									\
	__RB_MAX_OF_CHILD(RBSTRUCT, RBFIELD, RBAUGMENTED,		\
			  node->RBFIELD.rb_left, max);			\
	__RB_MAX_OF_CHILD(RBSTRUCT, RBFIELD, RBAUGMENTED,		\
			  node->RBFIELD.rb_right, max);			\
	if (exit && node->RBAUGMENTED == max)				\
		return true;						\
	node->RBAUGMENTED = max;					\
	return false;							\
}									\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,		\
		     RBAUGMENTED, RBNAME ## _compute_max)

/*
 * Colours and the packed parent/colour word.
 *
 * __rb_parent_color holds the parent's address with the colour in bit 0.
 * The "pc" forms below work on a copy of that word, so a caller can read
 * it once and take both halves from the copy.
 */
#define RB_RED		0
#define RB_BLACK	1

#define __rb_parent(pc)		((struct rb_node *)((pc) & ~3UL))
#define __rb_color(pc)		((pc) & 1)
#define __rb_is_black(pc)	__rb_color(pc)
#define __rb_is_red(pc)		(!__rb_color(pc))
#define rb_color(rb)		__rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb)		__rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb)		__rb_is_black((rb)->__rb_parent_color)

/* rb_set_parent - give @rb a new parent @p, keeping its colour */
static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->__rb_parent_color = rb_color(rb) | (unsigned long)p;
}

/* rb_set_parent_color - give @rb a new parent @p and colour @color */
static inline void rb_set_parent_color(struct rb_node *rb,
				       struct rb_node *p, int color)
{
	rb->__rb_parent_color = (unsigned long)p | (unsigned long)color;
}

/*
 * __rb_change_child - make the slot that held @old point to @new
 * @old: a child of @parent (or the root, if @parent is NULL)
 * @new: its replacement, possibly NULL
 * @parent: @old's parent, NULL if @old is the root
 * @root: the tree
 *
 * Only the downward pointer changes; fixing @new's parent pointer is the
 * caller's job.
 */
static inline void __rb_change_child(struct rb_node *old, struct rb_node *new,
				     struct rb_node *parent,
				     struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

/*
 * __rb_erase_color - restore the red-black rules after a black node left
 * @parent: the node whose child subtree is now one black node short
 * @root: the tree
 * @augment_rotate: called after every rotation (see rotate above)
 *
 * Implemented in lib/rbtree.c; the loop and its cases are drawn there.
 */
extern void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new));

/*
 * Erasure, part 1: unlink the node.  The helpers below only restructure
 * pointers and keep summaries right; they return the node at which a
 * black deficit starts (for __rb_erase_color()) or NULL if there is none.
 *
 * A node with at most one child is simply spliced out.  A node with two
 * children is replaced by its in-order successor S (the leftmost node of
 * its right subtree), and it is S that is spliced out of S's old place.
 * S has no left child, so that splice is the easy kind.
 */

/*
 * __rb_erase_splice - unlink @node, which has no child other than @child
 * @node: the node to remove
 * @child: its only child, or NULL if it has none
 * @root: the tree
 * @augment: callbacks
 *
 * Facts used: a node with exactly one child is black and the child is a
 * red leaf (any other shape would make the two sides' black heights
 * differ).  So the red child can take over the node's place and its black
 * colour, and no path changes its black count.  A childless red node can
 * simply go.  Only a childless black node leaves a deficit, at its parent.
 */
static __always_inline struct rb_node *
__rb_erase_splice(struct rb_node *node, struct rb_node *child,
		  struct rb_root *root,
		  const struct rb_augment_callbacks *augment)
{
	unsigned long pc = node->__rb_parent_color;
	struct rb_node *parent = __rb_parent(pc);
	struct rb_node *rebalance = NULL;

	__rb_change_child(node, child, parent, root);
	if (child)
		child->__rb_parent_color = pc;	/* node's parent, black */
	else if (__rb_is_black(pc))
		rebalance = parent;		/* NULL if tree now empty */
	augment->propagate(parent, NULL);
	return rebalance;
}

/*
 * __rb_erase_successor - unlink @node, which has two children
 * @node: the node to remove
 * @root: the tree
 * @augment: callbacks
 *
 * Drawn for the case where the successor S sits deeper than node's right
 * child R (if S == R, step 1 is skipped).  Colours are not shown; x is
 * S's right subtree, possibly empty.
 *
 *          N                     S
 *         / \                   / \
 *        L   R                 L   R
 *           /       -->           /
 *         ...                   ...
 *         /                     /
 *        S                     x
 *         \
 *          x
 *
 * 1. x takes S's place under S's parent (SP).
 * 2. S takes N's place, N's children and N's parent/colour word, so no
 *    path through N's position changes its black count.
 * 3. The removal is now really the removal of S from its old place: if x
 *    exists it is a red leaf, painted black; otherwise, if S was black,
 *    SP is one black short on the side S left.
 */
static __always_inline struct rb_node *
__rb_erase_successor(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *augment)
{
	struct rb_node *right = node->rb_right;
	struct rb_node *succ = right, *sparent, *x, *rebalance = NULL;
	unsigned long pc;

	if (!succ->rb_left) {
		sparent = succ;		/* S is R: it keeps its right subtree */
		x = succ->rb_right;
		augment->copy(node, succ);
	} else {
		do {
			sparent = succ;
			succ = succ->rb_left;
		} while (succ->rb_left);
		x = succ->rb_right;
		WRITE_ONCE(sparent->rb_left, x);	/* step 1 */
		WRITE_ONCE(succ->rb_right, right);
		rb_set_parent(right, succ);
		augment->copy(node, succ);
		augment->propagate(sparent, succ);	/* SP up to R */
	}

	WRITE_ONCE(succ->rb_left, node->rb_left);	/* step 2 */
	rb_set_parent(node->rb_left, succ);

	if (x)						/* step 3 */
		rb_set_parent_color(x, sparent, RB_BLACK);
	else if (rb_is_black(succ))
		rebalance = sparent;

	pc = node->__rb_parent_color;
	succ->__rb_parent_color = pc;
	__rb_change_child(node, succ, __rb_parent(pc), root);

	augment->propagate(succ, NULL);
	return rebalance;
}

/*
 * __rb_erase_augmented - unlink @node and keep the summaries right
 * @node: the node to remove
 * @root: the tree
 * @augment: callbacks
 *
 * Return: the node to pass to __rb_erase_color(), or NULL if the
 * red-black rules already hold.
 */
static __always_inline struct rb_node *
__rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *augment)
{
	if (!node->rb_left)
		return __rb_erase_splice(node, node->rb_right, root, augment);
	if (!node->rb_right)
		return __rb_erase_splice(node, node->rb_left, root, augment);
	return __rb_erase_successor(node, root, augment);
}

/**
 * rb_erase_augmented - remove @node from an augmented tree
 * @node: the node to remove
 * @root: the tree
 * @augment: the tree's callbacks
 *
 * The node's own fields are left stale; RB_CLEAR_NODE() it if you need to
 * recognise it later as "not in a tree".
 */
static __always_inline void
rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		   const struct rb_augment_callbacks *augment)
{
	struct rb_node *rebalance = __rb_erase_augmented(node, root, augment);

	if (rebalance)
		__rb_erase_color(rebalance, root, augment->rotate);
}

/**
 * rb_erase_augmented_cached - rb_erase_augmented() for a cached tree
 * @node: the node to remove
 * @root: the tree
 * @augment: the tree's callbacks
 */
static __always_inline void
rb_erase_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
			  const struct rb_augment_callbacks *augment)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
}

#endif /* _RBTREE_AUGMENTED_H */
