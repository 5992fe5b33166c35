/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intrusive red-black trees.
 *
 * The tree never allocates and never compares keys.  A user embeds a
 * struct rb_node in its own structure, walks down from the root with its
 * own comparison to find the empty slot where the new node belongs, links
 * it there with rb_link_node() and then calls rb_insert_color() to restore
 * the balance.  rb_erase() unlinks and rebalances.  rb_entry() gets back
 * from the struct rb_node to the structure that contains it.
 *
 * Typical insertion:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		struct thing *t = rb_entry(*link, struct thing, node);
 *
 *		parent = *link;
 *		link = new->key < t->key ? &parent->rb_left : &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color(&new->node, root);
 *
 * The rb_add()/rb_find() helpers at the end of this file write that loop
 * for you given a "less" or "cmp" function.
 *
 * The algorithms and their invariants are explained in lib/rbtree.c.
 * Trees that keep a per-subtree summary (a maximum, a sum, ...) in every
 * node use the interface in <rbtree_augmented.h>.
 *
 * Nothing here locks: callers serialise all access to one tree.
 */
#ifndef _RBTREE_H
#define _RBTREE_H

#include <types.h>
#include <compiler.h>

/**
 * struct rb_node - a node of a red-black tree, embedded in the user's object
 * @__rb_parent_color: address of the parent node, with the node's colour in
 *                     bit 0 (0 = red, 1 = black).  Nodes are aligned to at
 *                     least 4 bytes, so the two low bits of a node address
 *                     are always zero and free to hold the colour.  Bit 1
 *                     is unused and always 0.  Use rb_parent() to read it.
 * @rb_right: right child (larger keys) or NULL
 * @rb_left: left child (smaller keys) or NULL
 */
struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((aligned(sizeof(long))));

/**
 * struct rb_root - a red-black tree
 * @rb_node: the root node, or NULL for an empty tree
 */
struct rb_root {
	struct rb_node *rb_node;
};

/**
 * struct rb_root_cached - a red-black tree that remembers its smallest node
 * @rb_root: the tree proper
 * @rb_leftmost: the first node in order (rb_first()), or NULL when empty
 *
 * Use the *_cached() functions on such a tree so @rb_leftmost stays right;
 * rb_first_cached() then costs O(1) instead of O(log n).
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT			((struct rb_root) { NULL, })
#define RB_ROOT_CACHED		((struct rb_root_cached) { { NULL, }, NULL })

/* rb_parent - the parent of @r, or NULL if @r is the root */
#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))

/* rb_entry - the structure of type @type whose member @member is @ptr */
#define rb_entry(ptr, type, member)	container_of(ptr, type, member)

/* rb_entry_safe - like rb_entry(), but a NULL @ptr gives a NULL result */
#define rb_entry_safe(ptr, type, member)				\
	({								\
		__typeof__(ptr) ____ptr = (ptr);			\
		____ptr ? rb_entry(____ptr, type, member) : NULL;	\
	})

/* RB_EMPTY_ROOT - true if the tree @root holds no nodes */
#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/*
 * A node that is in no tree can be marked by pointing its parent field at
 * itself (no node in a tree is its own parent).  RB_CLEAR_NODE() sets the
 * mark, RB_EMPTY_NODE() tests for it.  rb_next()/rb_prev() of such a node
 * return NULL.
 */
#define RB_EMPTY_NODE(node)	\
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	\
	((node)->__rb_parent_color = (unsigned long)(node))

/* Rebalancing after a change; implemented in lib/rbtree.c. */
extern void rb_insert_color(struct rb_node *node, struct rb_root *root);
extern void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order navigation: O(log n) worst case, O(1) amortised over a walk. */
extern struct rb_node *rb_next(const struct rb_node *node);
extern struct rb_node *rb_prev(const struct rb_node *node);
extern struct rb_node *rb_first(const struct rb_root *root);
extern struct rb_node *rb_last(const struct rb_root *root);

/* Post-order navigation: children before their parent (for freeing). */
extern struct rb_node *rb_first_postorder(const struct rb_root *root);
extern struct rb_node *rb_next_postorder(const struct rb_node *node);

/* Put @new where @victim is, without rebalancing (keys must be equal). */
extern void rb_replace_node(struct rb_node *victim, struct rb_node *new,
			    struct rb_root *root);

/**
 * rb_link_node - hang a new node in an empty slot of the tree
 * @node: the node to insert; its old contents are overwritten
 * @parent: the node that will own the slot, or NULL if @rb_link is the root
 * @rb_link: the empty slot: &parent->rb_left, &parent->rb_right or
 *           &root->rb_node
 *
 * The new node is red and has no children.  The tree may now break the
 * red-black rules, so follow up with rb_insert_color() (or
 * rb_insert_augmented()) before anything else looks at the tree.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* red */
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

/**
 * rbtree_postorder_for_each_entry_safe - visit every entry, children first
 * @pos: loop cursor, a pointer to the containing type
 * @n: another such pointer, used as temporary storage
 * @root: the struct rb_root * to walk
 * @field: name of the struct rb_node member inside the containing type
 *
 * The next entry is fetched before the body runs, so the body may free
 * @pos.  It must not touch the tree in any other way: no rb_erase(), no
 * rebalancing.  The usual use is to free a whole tree at once and then
 * reset the root to RB_ROOT.
 */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)	\
	for (pos = rb_entry_safe(rb_first_postorder(root),		\
				 __typeof__(*pos), field);		\
	     pos && ({ n = rb_entry_safe(rb_next_postorder(&pos->field), \
				__typeof__(*pos), field); 1; });	\
	     pos = n)

/*
 * Cached-leftmost trees.
 */

/* rb_first_cached - the smallest node of @root in O(1), or NULL */
#define rb_first_cached(root)	((root)->rb_leftmost)

/**
 * rb_insert_color_cached - rebalance after linking into a cached tree
 * @node: the node just linked with rb_link_node()
 * @root: the tree
 * @leftmost: true if the descent that found the slot only ever went left,
 *            i.e. @node is now the smallest node
 */
static inline void rb_insert_color_cached(struct rb_node *node,
					  struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

/**
 * rb_erase_cached - remove @node from the cached tree @root
 * @node: the node to remove
 * @root: the tree
 *
 * Return: the new leftmost node if @node was the leftmost, else NULL.
 */
static inline struct rb_node *rb_erase_cached(struct rb_node *node,
					      struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node)
		leftmost = root->rb_leftmost = rb_next(node);
	rb_erase(node, &root->rb_root);
	return leftmost;
}

/**
 * rb_replace_node_cached - rb_replace_node() for a cached tree
 * @victim: the node now in the tree
 * @new: the node to take its place (same key)
 * @root: the tree
 */
static inline void rb_replace_node_cached(struct rb_node *victim,
					  struct rb_node *new,
					  struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = new;
	rb_replace_node(victim, new, &root->rb_root);
}

/*
 * Search and insertion helpers.  @less(a, b) must return true when node a
 * sorts strictly before node b.  @cmp(key, node) returns <0, 0 or >0 as
 * @key sorts before, equal to, or after @node.  Equal keys are allowed in
 * the tree; rb_add() places a new node after any equal ones.
 */

/**
 * rb_add - insert @node into @tree, ordered by @less
 * @node: the node to insert
 * @tree: the tree
 * @less: strict ordering on nodes
 */
static __always_inline void
rb_add(struct rb_node *node, struct rb_root *tree,
       bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node;
	struct rb_node *parent = NULL;

	while (*link) {
		parent = *link;
		link = less(node, parent) ? &parent->rb_left
					  : &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}

/**
 * rb_add_cached - insert @node into the cached tree @tree, ordered by @less
 * @node: the node to insert
 * @tree: the tree
 * @less: strict ordering on nodes
 *
 * Return: @node if it became the leftmost node, else NULL.
 */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_root.rb_node;
	struct rb_node *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

/**
 * rb_find_add - find a node equal to @node, or insert @node if none
 * @node: the node to insert
 * @tree: the tree
 * @cmp: compares @node (passed as the key) against tree nodes
 *
 * Return: the equal node already in the tree (and @node is not inserted),
 * or NULL when @node was inserted.
 */
static __always_inline struct rb_node *
rb_find_add(struct rb_node *node, struct rb_root *tree,
	    int (*cmp)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node;
	struct rb_node *parent = NULL;
	int c;

	while (*link) {
		parent = *link;
		c = cmp(node, parent);
		if (c < 0)
			link = &parent->rb_left;
		else if (c > 0)
			link = &parent->rb_right;
		else
			return parent;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
	return NULL;
}

/**
 * rb_find - find a node matching @key
 * @key: the key to look for
 * @tree: the tree
 * @cmp: compares @key against a tree node
 *
 * Return: some node equal to @key (any one, if there are several), or NULL.
 */
static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;
	int c;

	while (node) {
		c = cmp(key, node);
		if (c < 0)
			node = node->rb_left;
		else if (c > 0)
			node = node->rb_right;
		else
			return node;
	}
	return NULL;
}

/**
 * rb_find_first - find the first (leftmost) node matching @key
 * @key: the key to look for
 * @tree: the tree
 * @cmp: compares @key against a tree node
 *
 * Return: the smallest node equal to @key, or NULL.  Walk on with
 * rb_next() while @cmp still returns 0 to see all of them.
 */
static __always_inline struct rb_node *
rb_find_first(const void *key, const struct rb_root *tree,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;
	struct rb_node *match = NULL;
	int c;

	while (node) {
		c = cmp(key, node);
		if (c <= 0) {
			if (!c)
				match = node;	/* keep looking further left */
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return match;
}

#endif /* _RBTREE_H */
