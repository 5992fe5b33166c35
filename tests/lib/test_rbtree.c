// SPDX-License-Identifier: GPL-2.0
/*
 * The red-black tree inside the kernel (the host runs the 100k-step
 * randomized check; this is a smaller one on the kernel's own build).
 */
#include <ktest.h>
#include <kernel.h>
#include <rbtree.h>
#include <rbtree_augmented.h>
#include <string.h>

#define NODES	512

struct item {
	struct rb_node rb;
	unsigned long key;
	unsigned long value, subtree_max;
	bool in_tree;
};

static struct item items[NODES];

static void item_insert(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = it->key < rb_entry(parent, struct item, rb)->key ?
		       &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	rb_insert_color(&it->rb, root);
	it->in_tree = true;
}

/* Black height of @node's subtree, or -1 if the rules are broken below it. */
static int check_subtree(struct rb_node *node, struct rb_node *parent)
{
	int l, r;

	if (!node)
		return 1;
	if (rb_parent(node) != parent)
		return -1;
	if (rb_is_red(node) && ((node->rb_left && rb_is_red(node->rb_left)) ||
				(node->rb_right && rb_is_red(node->rb_right))))
		return -1;
	l = check_subtree(node->rb_left, node);
	r = check_subtree(node->rb_right, node);
	if (l < 0 || l != r)
		return -1;
	return l + rb_is_black(node);
}

/* In order, the right count, and every red-black rule. */
static void expect_valid(struct ktest *test, struct rb_root *root, int count)
{
	unsigned long last = 0;
	struct rb_node *n;
	int seen = 0;

	for (n = rb_first(root); n; n = rb_next(n), seen++) {
		unsigned long key = rb_entry(n, struct item, rb)->key;

		KTEST_EXPECT_LE(test, last, key);
		last = key;
	}
	KTEST_EXPECT_EQ(test, seen, count);
	KTEST_EXPECT_TRUE(test, !root->rb_node || rb_is_black(root->rb_node));
	KTEST_EXPECT_GT(test, check_subtree(root->rb_node, NULL), 0);
}

static u64 rb_seed = 88172645463325252ULL;
static unsigned long rnd(void)
{
	rb_seed ^= rb_seed << 13;
	rb_seed ^= rb_seed >> 7;
	rb_seed ^= rb_seed << 17;
	return rb_seed;
}

static void rbtree_insert_erase_random(struct ktest *test)
{
	struct rb_root root = RB_ROOT;
	int count = 0;

	memset(items, 0, sizeof(items));
	for (int i = 0; i < NODES; i++)
		items[i].key = rnd() % 1000;
	for (int step = 0; step < 4000; step++) {
		struct item *it = &items[rnd() % NODES];

		if (it->in_tree) {
			rb_erase(&it->rb, &root);
			it->in_tree = false;
			count--;
		} else {
			item_insert(&root, it);
			count++;
		}
		if (step % 64 == 0)
			expect_valid(test, &root, count);
	}
	expect_valid(test, &root, count);
}

static void rbtree_first_last_prev_next(struct ktest *test)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *n;
	unsigned long want = 9;

	KTEST_EXPECT_NULL(test, rb_first(&root));
	for (int i = 0; i < 10; i++) {
		items[i].key = i;
		item_insert(&root, &items[i]);
	}
	KTEST_EXPECT_EQ(test, rb_entry(rb_first(&root), struct item, rb)->key, 0);
	KTEST_EXPECT_EQ(test, rb_entry(rb_last(&root), struct item, rb)->key, 9);
	for (n = rb_last(&root); n; n = rb_prev(n))
		KTEST_EXPECT_EQ(test, rb_entry(n, struct item, rb)->key, want--);
	KTEST_EXPECT_EQ(test, (long)want, -1L);
}

static void rbtree_replace_node(struct ktest *test)
{
	struct rb_root root = RB_ROOT;

	for (int i = 0; i < 3; i++) {
		items[i].key = i * 10;
		item_insert(&root, &items[i]);
	}
	items[3].key = 10;
	rb_replace_node(&items[1].rb, &items[3].rb, &root);
	KTEST_EXPECT_PTR_EQ(test, rb_next(rb_first(&root)), &items[3].rb);
	expect_valid(test, &root, 3);
}

/* The augmented tree keeps each node's subtree maximum, as the VMA gaps do. */
static unsigned long item_value(struct item *it)
{
	return it->value;
}

RB_DECLARE_CALLBACKS_MAX(static, item_max_cb, struct item, rb, unsigned long,
			 subtree_max, item_value);

static unsigned long check_max(struct ktest *test, struct rb_node *node)
{
	struct item *it;
	unsigned long m;

	if (!node)
		return 0;
	it = rb_entry(node, struct item, rb);
	m = max(it->value, max(check_max(test, node->rb_left), check_max(test, node->rb_right)));
	if (it->subtree_max != m)
		KTEST_FAIL(test, "node %lu: subtree_max %lu, expected %lu", it->key, it->subtree_max, m);
	return m;
}

static void rbtree_augmented_max(struct ktest *test)
{
	struct rb_root root = RB_ROOT;

	memset(items, 0, sizeof(items));
	for (int step = 0; step < 2000; step++) {
		struct item *it = &items[rnd() % 128];

		if (it->in_tree) {
			rb_erase_augmented(&it->rb, &root, &item_max_cb);
			it->in_tree = false;
		} else {
			struct rb_node **link = &root.rb_node, *parent = NULL;

			it->key = rnd() % 500;
			it->value = rnd() % 100000;
			it->subtree_max = it->value;
			while (*link) {		/* raise maxima on the way down */
				struct item *p = rb_entry(*link, struct item, rb);

				parent = *link;
				p->subtree_max = max(p->subtree_max, it->value);
				link = it->key < p->key ? &parent->rb_left : &parent->rb_right;
			}
			rb_link_node(&it->rb, parent, link);
			rb_insert_augmented(&it->rb, &root, &item_max_cb);
			it->in_tree = true;
		}
		if (step % 50 == 0)
			check_max(test, root.rb_node);
	}
	check_max(test, root.rb_node);
}

static struct ktest_case rbtree_cases[] = {
	KTEST_CASE(rbtree_insert_erase_random),
	KTEST_CASE(rbtree_first_last_prev_next),
	KTEST_CASE(rbtree_replace_node),
	KTEST_CASE(rbtree_augmented_max),
	{}
};

static struct ktest_suite rbtree_suite = {
	.name = "rbtree",
	.test_cases = rbtree_cases,
};
ktest_suite(rbtree_suite);
