// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees.
 *
 * A red-black tree is a binary search tree whose nodes are coloured red or
 * black so that the tree stays roughly balanced.  The five rules:
 *
 *   1. Every node is either red or black.
 *   2. The root is black.
 *   3. Every leaf (the NULL below a node with a missing child) is black.
 *   4. A red node never has a red child.
 *   5. Every path from a given node down to any leaf below it passes
 *      through the same number of black nodes: the node's "black height".
 *
 * Rules 4 and 5 together mean that the longest root-to-leaf path (black
 * and red nodes alternating) is at most twice the shortest (all black),
 * so a tree of n nodes is at most 2*log2(n + 1) high and every operation
 * is O(log n).
 *
 * Rule 3 costs nothing: there are no leaf objects, NULL simply counts as
 * black.  Rule 2 is a convenience: a red root can always be painted black
 * (that adds one to every path, so rule 5 still holds), and having a black
 * root lets the insert loop below stop one level early.
 *
 * In the drawings below lower-case letters are red nodes, upper-case
 * letters are black nodes, and a letter in parentheses, like (p), is a
 * node that may be either colour.  Each drawing shows one orientation;
 * the code handles the mirror image with the same lines by working with
 * "dir" (the side a node hangs on) instead of left and right by name.
 *
 * The node layout, the packed parent/colour word and the augmented-tree
 * interface are described in <rbtree.h> and <rbtree_augmented.h>.  The
 * algorithm is the classic one (Guibas and Sedgewick 1978; see also
 * Cormen et al., "Introduction to Algorithms", chapter 13) in the form
 * Linux uses: iterative, no sentinel node, at most two rotations per
 * insertion and three per erasure.
 */

#include <types.h>
#include <compiler.h>
#include <rbtree.h>
#include <rbtree_augmented.h>

/* The two sides of a node, used to write each case once for both mirrors. */
#define RB_DIR_LEFT	0
#define RB_DIR_RIGHT	1

/* rb_child - @node's child on side @dir (may be NULL) */
static __always_inline struct rb_node *rb_child(const struct rb_node *node,
						int dir)
{
	return dir == RB_DIR_LEFT ? node->rb_left : node->rb_right;
}

/* rb_set_child - make @child (may be NULL) @node's child on side @dir */
static __always_inline void rb_set_child(struct rb_node *node, int dir,
					 struct rb_node *child)
{
	if (dir == RB_DIR_LEFT)
		WRITE_ONCE(node->rb_left, child);
	else
		WRITE_ONCE(node->rb_right, child);
}

/* rb_side - which side of its parent @parent the node @child hangs on */
static __always_inline int rb_side(const struct rb_node *child,
				   const struct rb_node *parent)
{
	return parent->rb_left == child ? RB_DIR_LEFT : RB_DIR_RIGHT;
}

/* rb_set_black - paint @node black, keeping its parent */
static __always_inline void rb_set_black(struct rb_node *node)
{
	node->__rb_parent_color |= RB_BLACK;
}

/* node_is_red - true if @node is a real node and red; NULL leaves are black */
static __always_inline bool node_is_red(const struct rb_node *node)
{
	return node && rb_is_red(node);
}

/*
 * rotate_up - lift @y above its parent @x
 * @y: the child to lift; it takes @x's place, parent and colour
 * @x: its parent; it becomes @y's child and takes colour @x_color
 * @x_color: RB_RED or RB_BLACK
 * @root: the tree
 * @augment_rotate: summary callback, called as (old top, new top)
 *
 * Drawn with y as x's right child (a "left rotation at x"):
 *
 *        X                 Y
 *       / \               / \
 *      a   Y      -->    X   c
 *         / \           / \
 *        b   c         a   b
 *
 * Only b, the subtree between x and y in key order, changes parent.  The
 * in-order sequence "a x b y c" is the same before and after, so the tree
 * is still a search tree.  Colours are whatever the caller asks for.
 */
static __always_inline void
rotate_up(struct rb_node *y, struct rb_node *x, int x_color,
	  struct rb_root *root,
	  void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	int dir = rb_side(y, x);		/* y's side of x */
	struct rb_node *b = rb_child(y, !dir);	/* y's inner subtree */
	unsigned long pc = x->__rb_parent_color;

	rb_set_child(x, dir, b);
	if (b)
		rb_set_parent(b, x);
	rb_set_child(y, !dir, x);
	y->__rb_parent_color = pc;
	rb_set_parent_color(x, y, x_color);
	__rb_change_child(x, y, __rb_parent(pc), root);
	augment_rotate(x, y);
}

/*
 * Insertion.
 *
 * rb_link_node() hangs the new node in place of a NULL leaf and colours it
 * red, so no black height changes and rule 5 still holds.  What can break
 * is rule 4 (the parent may be red) or rule 2 (the node may be the root).
 * insert_fixup() repairs that, moving the problem up the tree two levels
 * at a time while recolouring and finishing with at most two rotations.
 */

/*
 * insert_fixup - restore the rules after @node was linked in red
 * @node: the new node
 * @root: the tree
 * @augment_rotate: summary callback for every rotation
 */
static __always_inline void
insert_fixup(struct rb_node *node, struct rb_root *root,
	     void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *parent, *gparent, *uncle;
	int dir;

	for (;;) {
		/*
		 * Loop invariant:
		 *  - node is red;
		 *  - rules 1, 3 and 5 hold everywhere;
		 *  - rule 4 holds everywhere except perhaps between node and
		 *    its parent;
		 *  - rule 2 holds unless node is the root.
		 */
		parent = rb_parent(node);
		if (!parent) {
			/* node is the root: paint it black (rule 2). */
			rb_set_parent_color(node, NULL, RB_BLACK);
			return;
		}
		if (rb_is_black(parent))
			return;		/* rule 4 holds too: done */

		/*
		 * The parent is red, so it is not the root (rule 2): the
		 * grandparent exists, and it is black (rule 4 held before).
		 */
		gparent = rb_parent(parent);
		dir = rb_side(parent, gparent);
		uncle = rb_child(gparent, !dir);

		if (node_is_red(uncle)) {
			/*
			 * Case 1: red uncle.  Push the grandparent's black
			 * down onto both its children.  Black heights are
			 * unchanged; the grandparent is now red and may have
			 * a red parent, so carry on from there.
			 *
			 *         G                 g
			 *        / \               / \
			 *       p   u     -->     P   U
			 *      /                 /
			 *     n                 n
			 *
			 * (n may equally be p's right child.)
			 */
			rb_set_parent_color(uncle, gparent, RB_BLACK);
			rb_set_parent_color(parent, gparent, RB_BLACK);
			node = gparent;
			rb_set_parent_color(node, rb_parent(node), RB_RED);
			continue;
		}

		if (node == rb_child(parent, !dir)) {
			/*
			 * Case 2: black uncle, node is the inner grandchild.
			 * Lift node above parent; both stay red.  Now the
			 * old parent is the outer grandchild: rename and
			 * fall into case 3.
			 *
			 *         G                 G
			 *        / \               / \
			 *       p   U     -->     n   U
			 *        \               /
			 *         n             p
			 */
			rotate_up(node, parent, RB_RED, root, augment_rotate);
			node = parent;
			parent = rb_parent(node);
		}

		/*
		 * Case 3: black uncle, node is the outer grandchild.  Lift
		 * parent above the grandparent and swap their colours.  S,
		 * the parent's other subtree, has a black root (or is empty)
		 * because the parent was red.  Every path keeps its black
		 * count and no red node has a red child: done.
		 *
		 *         G                 P
		 *        / \               / \
		 *       p   U     -->     n   g
		 *      / \                   / \
		 *     n   S                 S   U
		 */
		rotate_up(parent, gparent, RB_RED, root, augment_rotate);
		return;
	}
}

/* A rotation callback for trees without summaries. */
static inline void dummy_rotate(struct rb_node *old __maybe_unused,
				struct rb_node *new __maybe_unused)
{
}

/**
 * rb_insert_color - rebalance the tree after rb_link_node()
 * @node: the node that rb_link_node() just linked
 * @root: the tree holding it
 *
 * On return the tree obeys all five red-black rules again.  At most two
 * rotations are done.  Not for augmented trees: use rb_insert_augmented().
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, dummy_rotate);
}

/**
 * __rb_insert_augmented - rebalance an augmented tree after rb_link_node()
 * @node: the node just linked
 * @root: the tree
 * @augment_rotate: called after every rotation to fix the summaries
 *
 * Out of line so that every augmented tree shares one copy of the loop;
 * callers normally reach it through rb_insert_augmented().
 */
void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	insert_fixup(node, root, augment_rotate);
}

/*
 * Erasure.
 *
 * The unlinking half lives in <rbtree_augmented.h> (so augmented users can
 * inline their callbacks into it).  It removes a node with at most one
 * child from the tree's shape; if that node was black and had no child,
 * every path through the place where it was is now one black node short.
 * erase_fixup() repairs that.
 */

/*
 * erase_fixup - restore rule 5 below @parent
 * @parent: the node one of whose subtrees is one black node short
 * @root: the tree
 * @augment_rotate: summary callback for every rotation
 */
static __always_inline void
erase_fixup(struct rb_node *parent, struct rb_root *root,
	    void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *node = NULL, *sibling, *close, *distant;
	int dir;

	for (;;) {
		/*
		 * Loop invariant:
		 *  - node is black, or NULL (the empty slot the erased node
		 *    left, on the first pass);
		 *  - parent is node's parent and is not NULL;
		 *  - every path through node has one black node fewer than
		 *    the other paths from parent; every other rule holds.
		 *
		 * The sibling is not NULL: its side of parent has a black
		 * height of at least 1.
		 *
		 * Key: n = node, p = parent, s = sibling, c = the sibling's
		 * child on the near side (close nephew), d = the one on the
		 * far side (distant nephew).  Drawn with node on the left.
		 */
		dir = node ? rb_side(node, parent)
			   : (parent->rb_left ? RB_DIR_RIGHT : RB_DIR_LEFT);
		sibling = rb_child(parent, !dir);

		if (rb_is_red(sibling)) {
			/*
				 * Case 1: red sibling.  Paths through the sibling
			 * hold at least one black node more than paths
			 * through node; the sibling itself is red, so that
			 * black node lies below it: both its children are
			 * real, black nodes.  Lift the sibling and swap
			 * colours with the parent.  Node's new sibling is
			 * the old close nephew, which is black.  The deficit
			 * is unchanged, but parent is now red, so whichever
			 * of cases 2-4 follows ends the loop.
			 *
			 *       P                 S
			 *      / \               / \
			 *     N   s     -->     p   D
			 *        / \           / \
			 *       C   D         N   C
			 */
			rotate_up(sibling, parent, RB_RED, root, augment_rotate);
			sibling = rb_child(parent, !dir);
		}

		close = rb_child(sibling, dir);
		distant = rb_child(sibling, !dir);

		if (!node_is_red(close) && !node_is_red(distant)) {
			/*
			 * Case 2: black sibling, both nephews black.  Paint
			 * the sibling red: now both sides of parent are one
			 * short.  A red parent can absorb that by turning
			 * black.  A black parent becomes the short node one
			 * level up, unless it is the root (then every path
			 * lost one black node and the rules hold).
			 *
			 *      (p)               (p)
			 *      / \               / \
			 *     N   S     -->     N   s
			 *        / \               / \
			 *       C   D             C   D
			 */
			rb_set_parent_color(sibling, parent, RB_RED);
			if (rb_is_red(parent)) {
				rb_set_black(parent);
				return;
			}
			node = parent;
			parent = rb_parent(node);
			if (!parent)
				return;
			continue;
		}

		if (!node_is_red(distant)) {
			/*
			 * Case 3: black sibling, close nephew red, distant
			 * one black.  Lift the close nephew above the
			 * sibling, swapping their colours.  Black counts are
			 * unchanged; now node's sibling (c, black) has a red
			 * distant child (s): that is case 4.
			 *
			 *      (p)               (p)
			 *      / \               / \
			 *     N   S     -->     N   C
			 *        / \                 \
			 *       c   D                 s
			 *                              \
			 *                               D
			 */
			rotate_up(close, sibling, RB_RED, root, augment_rotate);
			distant = sibling;
			sibling = close;
		}

		/*
		 * Case 4: black sibling, distant nephew red.  Lift the
		 * sibling above parent; the sibling takes parent's colour,
		 * parent turns black (the black node node's paths lacked),
		 * and the distant nephew turns black (replacing the black
		 * sibling on its paths).  All counts are equal again: done.
		 *
		 *      (p)               (s)
		 *      / \               / \
		 *     N   S     -->     P   D
		 *        / \           / \
		 *      (c)  d         N  (c)
		 */
		rotate_up(sibling, parent, RB_BLACK, root, augment_rotate);
		rb_set_black(distant);
		return;
	}
}

/**
 * __rb_erase_color - rebalance after an erasure left a black deficit
 * @parent: the node returned by __rb_erase_augmented()
 * @root: the tree
 * @augment_rotate: called after every rotation to fix the summaries
 *
 * Out of line so that every augmented tree shares one copy of the loop;
 * callers normally reach it through rb_erase_augmented().
 */
void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	erase_fixup(parent, root, augment_rotate);
}

/* Summary callbacks for trees without summaries: all do nothing. */
static inline void dummy_propagate(struct rb_node *node __maybe_unused,
				   struct rb_node *stop __maybe_unused)
{
}

static inline void dummy_copy(struct rb_node *old __maybe_unused,
			      struct rb_node *new __maybe_unused)
{
}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate,
	.copy = dummy_copy,
	.rotate = dummy_rotate,
};

/**
 * rb_erase - remove @node from the tree @root
 * @node: a node currently in @root
 * @root: the tree
 *
 * On return the tree obeys all five rules again; at most three rotations
 * are done.  @node's own fields are left stale (use RB_CLEAR_NODE() to
 * mark it as out of the tree).  Not for augmented trees: use
 * rb_erase_augmented().
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *rebalance;

	rebalance = __rb_erase_augmented(node, root, &dummy_callbacks);
	if (rebalance)
		erase_fixup(rebalance, root, dummy_rotate);
}

/*
 * Navigation.
 */

/* leftmost - the smallest node of the subtree at @node (not NULL) */
static struct rb_node *leftmost(const struct rb_node *node)
{
	while (node->rb_left)
		node = node->rb_left;
	return (struct rb_node *)node;
}

/* rightmost - the largest node of the subtree at @node (not NULL) */
static struct rb_node *rightmost(const struct rb_node *node)
{
	while (node->rb_right)
		node = node->rb_right;
	return (struct rb_node *)node;
}

/**
 * rb_first - the first node of the tree in sort order
 * @root: the tree
 *
 * Return: the node with the smallest key, or NULL if the tree is empty.
 */
struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? leftmost(root->rb_node) : NULL;
}

/**
 * rb_last - the last node of the tree in sort order
 * @root: the tree
 *
 * Return: the node with the largest key, or NULL if the tree is empty.
 */
struct rb_node *rb_last(const struct rb_root *root)
{
	return root->rb_node ? rightmost(root->rb_node) : NULL;
}

/**
 * rb_next - the node after @node in sort order
 * @node: a node in a tree
 *
 * If @node has a right subtree, the answer is that subtree's leftmost
 * node.  Otherwise it is the nearest ancestor that has @node in its left
 * subtree: climb while we are a right child.
 *
 * Return: the next node, or NULL if @node is the last one or has been
 * marked with RB_CLEAR_NODE().
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_right)
		return leftmost(node->rb_right);
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

/**
 * rb_prev - the node before @node in sort order
 * @node: a node in a tree
 *
 * The mirror image of rb_next().
 *
 * Return: the previous node, or NULL if @node is the first one or has
 * been marked with RB_CLEAR_NODE().
 */
struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_left)
		return rightmost(node->rb_left);
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}

/* deepest_first - the first node in post-order of the subtree at @node */
static struct rb_node *deepest_first(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

/**
 * rb_first_postorder - the first node of the tree in post-order
 * @root: the tree
 *
 * Post-order visits both subtrees of a node before the node itself, so a
 * walk can free each node as it goes.
 *
 * Return: the first node, or NULL if the tree is empty.
 */
struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return root->rb_node ? deepest_first(root->rb_node) : NULL;
}

/**
 * rb_next_postorder - the node after @node in post-order
 * @node: a node in a tree, or NULL
 *
 * A left child is followed by the first post-order node of its right
 * sibling's subtree (or by its parent if there is no right sibling); a
 * right child is followed by its parent.
 *
 * Return: the next node, or NULL when the walk is over.
 */
struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	if (parent && node == parent->rb_left && parent->rb_right)
		return deepest_first(parent->rb_right);
	return parent;
}

/**
 * rb_replace_node - put @new in @victim's place, without rebalancing
 * @victim: a node in @root
 * @new: a node not in any tree; it must sort exactly where @victim does
 * @root: the tree
 *
 * @new takes @victim's colour, parent and children, so the shape and all
 * colours are unchanged.  @victim's fields are left stale.  For augmented
 * trees the caller must also copy the summary field.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	__rb_change_child(victim, new, parent, root);
}
