// SPDX-License-Identifier: GPL-2.0
/*
 * Host-side randomized test of lib/rbtree.c.
 *
 * Build and run (from the repository root; "make host-tests" does this):
 *
 *	gcc -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
 *	    -idirafter include lib/rbtree.c tests/host/rbtree_test.c
 *	./a.out [seed]
 *
 * Every test drives a tree with random operations and mirrors each one in
 * a "model": a plain sorted array of the entries that should be in the
 * tree.  After EVERY operation check_tree() walks the whole tree and
 * checks
 *
 *   - the root is black and has no parent;
 *   - every child's parent link points back at its parent;
 *   - no red node has a red child;
 *   - every path from a node down to a leaf has the same number of black
 *     nodes;
 *   - bit 1 of the parent/colour word (unused) is clear;
 *   - the in-order sequence of nodes is exactly the model, node for node;
 *   - rb_first()/rb_next() and rb_last()/rb_prev() visit that sequence;
 *   - for augmented trees: subtree_max == max(own value, children's
 *     subtree_max) at every node;
 *   - for cached trees: rb_leftmost == rb_first().
 *
 * Keys are drawn from a small range and an operation on a key that is
 * present removes (or replaces, or updates) it, while one on an absent key
 * inserts it.  So the live tree hovers around half the key range, which
 * keeps the O(n) check after every step affordable while still doing
 * 100,000 steps.
 *
 * Duplicates: the "plain" and "augmented" tests use unique keys.  The
 * "cached" test allows duplicate keys (rb_add_cached() puts a new node
 * after its equals) and checks that equal keys stay in insertion order.
 *
 * At the end each tree is drained to empty, still checking every step.
 *
 * The checker is tested too: the self-test clones a good tree, breaks the
 * clone in one specific way at a time, and insists that check_tree()
 * reports exactly that kind of breakage.  It builds its tree from a fixed
 * seed (the shapes it breaks must exist); the command-line seed drives
 * everything else.
 *
 * Exit status is 0 if everything held, 1 on the first failure (the message
 * says which check, which test, which step and the seed), 2 on bad usage.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rbtree.h>
#include <rbtree_augmented.h>

#define DEFAULT_SEED	20240601ULL
#define VALUE_RANGE	1000		/* small, so maxima often tie */
#define MAX_DEPTH	128		/* deeper than this means a cycle */

/* ---------------------------------------------------------------------- */
/* Random numbers: splitmix64, so a seed means the same run on any libc. */

static unsigned long long seed;
static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned long rng_below(unsigned long n)
{
	return (unsigned long)(rng_next() % n);
}

/* ---------------------------------------------------------------------- */
/* Nodes, callbacks, comparisons. */

struct tnode {
	struct rb_node rb;
	long key;
	unsigned long seq;		/* creation order: orders duplicates */
	unsigned long value;		/* augmented trees: own value */
	unsigned long subtree_max;	/* augmented trees: max below */
	size_t idx;			/* scratch: used by clone_harness() */
	bool visited;			/* scratch: used by the post-order test */
};

#define tnode_of(p)	rb_entry((struct rb_node *)(p), struct tnode, rb)
#define TNODE_VALUE(t)	((t)->value)

RB_DECLARE_CALLBACKS_MAX(static, tnode_max_cb, struct tnode, rb,
			 unsigned long, subtree_max, TNODE_VALUE);

static bool tnode_less(struct rb_node *a, const struct rb_node *b)
{
	return tnode_of(a)->key < tnode_of(b)->key;
}

static int tnode_cmp_key(const void *key, const struct rb_node *b)
{
	long k = *(const long *)key, bk = tnode_of(b)->key;

	return (k > bk) - (k < bk);
}

static int tnode_cmp_node(struct rb_node *a, const struct rb_node *b)
{
	return tnode_cmp_key(&tnode_of(a)->key, b);
}

static long key_of(const struct rb_node *rb)
{
	return rb ? tnode_of(rb)->key : -1;
}

/* ---------------------------------------------------------------------- */
/* A test: a tree, its model and some counters. */

enum kind { PLAIN, AUGMENTED, CACHED_DUPS, AUGMENTED_CACHED };

struct entry {
	long key;
	unsigned long seq;
	struct tnode *node;
};

struct harness {
	const char *name;
	enum kind kind;
	bool augmented, cached, dups;
	long key_range;
	size_t live_cap;		/* CACHED_DUPS: bound on the size */
	struct rb_root_cached root;	/* non-cached tests use .rb_root */
	struct entry *model;		/* sorted by (key, seq) */
	struct rb_node **scratch;	/* in-order nodes from the last check */
	size_t n, cap;
	unsigned long next_seq;
	unsigned long step;
	unsigned long inserts, erases, replaces, updates, lookups;
	size_t max_n;
	char err[512];
};

static struct rb_root *troot(struct harness *h)
{
	return &h->root.rb_root;
}

static void __attribute__((format(printf, 2, 3), noreturn))
fail(const struct harness *h, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "rbtree: FAIL [%s] step %lu (seed %llu): ",
		h->name, h->step, seed);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	exit(1);
}

static void *xmalloc(size_t size)
{
	void *p = malloc(size);

	if (!p) {
		fprintf(stderr, "rbtree: out of memory\n");
		exit(2);
	}
	return p;
}

static struct harness *new_harness(const char *name, enum kind kind,
				   long key_range)
{
	struct harness *h = xmalloc(sizeof(*h));

	memset(h, 0, sizeof(*h));
	h->name = name;
	h->kind = kind;
	h->augmented = kind == AUGMENTED || kind == AUGMENTED_CACHED;
	h->cached = kind == CACHED_DUPS || kind == AUGMENTED_CACHED;
	h->dups = kind == CACHED_DUPS;
	h->key_range = key_range;
	h->live_cap = (size_t)key_range * 4;
	h->root = RB_ROOT_CACHED;
	return h;
}

/* ---------------------------------------------------------------------- */
/* The model: a sorted array. */

/* model_lower - index of the first entry with a key >= @key */
static size_t model_lower(const struct harness *h, long key)
{
	size_t lo = 0, hi = h->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h->model[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* model_upper - index of the first entry with a key > @key */
static size_t model_upper(const struct harness *h, long key)
{
	size_t lo = model_lower(h, key);

	while (lo < h->n && h->model[lo].key == key)
		lo++;
	return lo;
}

static void model_insert_at(struct harness *h, size_t idx, struct tnode *t)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->model = realloc(h->model, h->cap * sizeof(*h->model));
		h->scratch = realloc(h->scratch, h->cap * sizeof(*h->scratch));
		if (!h->model || !h->scratch) {
			fprintf(stderr, "rbtree: out of memory\n");
			exit(2);
		}
	}
	memmove(&h->model[idx + 1], &h->model[idx],
		(h->n - idx) * sizeof(*h->model));
	h->model[idx] = (struct entry){ t->key, t->seq, t };
	h->n++;
	if (h->n > h->max_n)
		h->max_n = h->n;
}

static void model_erase_at(struct harness *h, size_t idx)
{
	memmove(&h->model[idx], &h->model[idx + 1],
		(h->n - idx - 1) * sizeof(*h->model));
	h->n--;
}

/* ---------------------------------------------------------------------- */
/* The checker.  Returns NULL if all is well, else a description. */

static bool check_fail(struct harness *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool check_fail(struct harness *h, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(h->err, sizeof(h->err), fmt, ap);
	va_end(ap);
	return false;
}

struct walk {
	struct harness *h;
	size_t count;			/* nodes seen so far, in order */
};

/* check_augment - is @rb's subtree_max the max over its subtree? */
static bool check_augment(struct harness *h, const struct rb_node *rb)
{
	const struct tnode *t = tnode_of(rb);
	unsigned long want = t->value;

	if (rb->rb_left && tnode_of(rb->rb_left)->subtree_max > want)
		want = tnode_of(rb->rb_left)->subtree_max;
	if (rb->rb_right && tnode_of(rb->rb_right)->subtree_max > want)
		want = tnode_of(rb->rb_right)->subtree_max;
	if (t->subtree_max != want)
		return check_fail(h, "node %ld: subtree_max %lu, expected %lu",
				  t->key, t->subtree_max, want);
	return true;
}

/* check_position - is @rb the model's node number @i (in order)? */
static bool check_position(struct harness *h, size_t i,
			   const struct rb_node *rb)
{
	const struct tnode *t = tnode_of(rb);
	const struct entry *e = &h->model[i];

	if (t != e->node || t->key != e->key || t->seq != e->seq)
		return check_fail(h, "in-order position %zu: tree has key %ld (#%lu), model has key %ld (#%lu)",
				  i, t->key, t->seq, e->key, e->seq);
	return true;
}

/*
 * walk_subtree - check the subtree at @rb and list its nodes in order
 * @w: walk state; nodes are appended to w->h->scratch
 * @rb: the subtree (may be NULL)
 * @parent: the node @rb should name as its parent
 * @depth: @rb's depth, to catch cycles
 * @bh: out: black height of @rb, counting the NULL leaves as 1
 *
 * Link and colour checks are done on the way down (pre-order), so a
 * broken link or a red-red pair is reported before any black height or
 * summary that depends on it.
 */
static bool walk_subtree(struct walk *w, const struct rb_node *rb,
			 const struct rb_node *parent, int depth, int *bh)
{
	struct harness *h = w->h;
	int bl, br;

	if (!rb) {
		*bh = 1;			/* rule 3: leaves are black */
		return true;
	}
	if (depth > MAX_DEPTH)
		return check_fail(h, "tree deeper than %d: a cycle?",
				  MAX_DEPTH);
	if (rb_parent(rb) != parent)
		return check_fail(h, "node %ld: parent link points to %p, expected %p (key %ld)",
				  key_of(rb), (void *)rb_parent(rb),
				  (const void *)parent, key_of(parent));
	if (rb->__rb_parent_color & 2)
		return check_fail(h, "node %ld: unused bit 1 of the parent/colour word is set",
				  key_of(rb));
	if (rb_is_red(rb)) {
		const struct rb_node *c = NULL;

		if (rb->rb_left && rb_is_red(rb->rb_left))
			c = rb->rb_left;
		else if (rb->rb_right && rb_is_red(rb->rb_right))
			c = rb->rb_right;
		if (c)
			return check_fail(h, "red node %ld has a red child %ld",
					  key_of(rb), key_of(c));
	}

	if (!walk_subtree(w, rb->rb_left, rb, depth + 1, &bl))
		return false;
	if (w->count >= h->n)
		return check_fail(h, "tree has more nodes than the model's %zu",
				  h->n);
	if (!check_position(h, w->count, rb))
		return false;
	h->scratch[w->count++] = (struct rb_node *)rb;
	if (!walk_subtree(w, rb->rb_right, rb, depth + 1, &br))
		return false;

	if (bl != br)
		return check_fail(h, "node %ld: black height %d on the left, %d on the right",
				  key_of(rb), bl, br);
	*bh = bl + (rb_is_black(rb) ? 1 : 0);
	return !h->augmented || check_augment(h, rb);
}

/* check_iterators - do rb_first/rb_next and rb_last/rb_prev agree? */
static bool check_iterators(struct harness *h)
{
	const struct rb_root *root = troot(h);
	struct rb_node *p = rb_first(root);
	size_t i;

	for (i = 0; i < h->n; i++, p = rb_next(p))
		if (p != h->scratch[i])
			return check_fail(h, "rb_first/rb_next: position %zu is key %ld, expected %ld",
					  i, key_of(p), key_of(h->scratch[i]));
	if (p)
		return check_fail(h, "rb_next after the last node gave key %ld, not NULL",
				  key_of(p));

	p = rb_last(root);
	for (i = h->n; i-- > 0; p = rb_prev(p))
		if (p != h->scratch[i])
			return check_fail(h, "rb_last/rb_prev: position %zu is key %ld, expected %ld",
					  i, key_of(p), key_of(h->scratch[i]));
	if (p)
		return check_fail(h, "rb_prev before the first node gave key %ld, not NULL",
				  key_of(p));
	return true;
}

static const char *check_tree(struct harness *h)
{
	const struct rb_node *top = troot(h)->rb_node;
	struct walk w = { h, 0 };
	int bh;

	if (RB_EMPTY_ROOT(troot(h)) != (h->n == 0)) {
		check_fail(h, "RB_EMPTY_ROOT is %d with %zu nodes in the model",
			   RB_EMPTY_ROOT(troot(h)), h->n);
		return h->err;
	}
	if (top && rb_is_red(top)) {
		check_fail(h, "root is red (key %ld)", key_of(top));
		return h->err;
	}
	if (!walk_subtree(&w, top, NULL, 0, &bh))
		return h->err;
	if (w.count != h->n) {
		check_fail(h, "tree has %zu nodes, model has %zu", w.count, h->n);
		return h->err;
	}
	if (!check_iterators(h))
		return h->err;
	if (h->cached && h->root.rb_leftmost != rb_first(troot(h))) {
		check_fail(h, "rb_leftmost is key %ld, rb_first is key %ld",
			   key_of(h->root.rb_leftmost),
			   key_of(rb_first(troot(h))));
		return h->err;
	}
	return NULL;
}

/* ---------------------------------------------------------------------- */
/* Operations.  Each changes the tree and the model the same way. */

static struct tnode *new_tnode(struct harness *h, long key)
{
	struct tnode *t = xmalloc(sizeof(*t));

	memset(t, 0, sizeof(*t));
	t->key = key;
	t->seq = h->next_seq++;
	t->value = rng_below(VALUE_RANGE);
	return t;
}

/* find_slot - the empty slot for @t: after any equal keys */
static struct rb_node **find_slot(struct harness *h, struct tnode *t,
				  struct rb_node **parentp, bool *leftmost,
				  bool raise_max)
{
	struct rb_node **link = &troot(h)->rb_node, *parent = NULL;

	*leftmost = true;
	while (*link) {
		struct tnode *p = tnode_of(*link);

		parent = *link;
		if (raise_max && p->subtree_max < t->value)
			p->subtree_max = t->value;
		if (t->key < p->key) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			*leftmost = false;
		}
	}
	*parentp = parent;
	return link;
}

/* plain_insert - insert a new node for @key, three ways in turn */
static void plain_insert(struct harness *h, long key, size_t idx)
{
	struct tnode *t = new_tnode(h, key);
	struct rb_node *parent, **link, *dup;
	bool leftmost;

	if (rb_find(&key, troot(h), tnode_cmp_key))
		fail(h, "rb_find(%ld) found a key that is not in the model", key);
	switch (h->inserts % 3) {
	case 0:
		link = find_slot(h, t, &parent, &leftmost, false);
		rb_link_node(&t->rb, parent, link);
		rb_insert_color(&t->rb, troot(h));
		break;
	case 1:
		rb_add(&t->rb, troot(h), tnode_less);
		break;
	default:
		dup = rb_find_add(&t->rb, troot(h), tnode_cmp_node);
		if (dup)
			fail(h, "rb_find_add(%ld) claims key %ld is present",
			     key, key_of(dup));
		break;
	}
	model_insert_at(h, idx, t);
	h->inserts++;
}

/* plain_probe - rb_find_add() of a present key must not insert */
static void plain_probe(struct harness *h, size_t idx)
{
	struct tnode *t = new_tnode(h, h->model[idx].key);
	struct rb_node *dup = rb_find_add(&t->rb, troot(h), tnode_cmp_node);

	if (dup != &h->model[idx].node->rb)
		fail(h, "rb_find_add(%ld) on a present key returned key %ld",
		     t->key, key_of(dup));
	free(t);
	h->lookups++;
}

/* forget - check an erased node reads as "not in a tree", then free it */
static void forget(struct harness *h, struct tnode *t)
{
	RB_CLEAR_NODE(&t->rb);
	if (!RB_EMPTY_NODE(&t->rb) || rb_next(&t->rb) || rb_prev(&t->rb))
		fail(h, "RB_CLEAR_NODE'd node %ld is not treated as empty",
		     t->key);
	free(t);
}

/* erase_at - remove the node at model index @idx with the test's API */
static void erase_at(struct harness *h, size_t idx)
{
	struct tnode *t = h->model[idx].node;
	struct rb_node *next_left;

	switch (h->kind) {
	case PLAIN:
		if (rb_find(&t->key, troot(h), tnode_cmp_key) != &t->rb)
			fail(h, "rb_find(%ld) did not find its node", t->key);
		rb_erase(&t->rb, troot(h));
		break;
	case AUGMENTED:
		rb_erase_augmented(&t->rb, troot(h), &tnode_max_cb);
		break;
	case AUGMENTED_CACHED:
		rb_erase_augmented_cached(&t->rb, &h->root, &tnode_max_cb);
		break;
	case CACHED_DUPS:
		next_left = rb_erase_cached(&t->rb, &h->root);
		if (next_left != (idx == 0 && h->n > 1 ?
				  &h->model[1].node->rb : NULL))
			fail(h, "rb_erase_cached(%ld) returned key %ld",
			     t->key, key_of(next_left));
		break;
	}
	model_erase_at(h, idx);
	forget(h, t);
	h->erases++;
}

/* replace_at - swap the node at @idx for a fresh copy of it */
static void replace_at(struct harness *h, size_t idx)
{
	struct tnode *old = h->model[idx].node;
	struct tnode *new = xmalloc(sizeof(*new));

	*new = *old;
	memset(&new->rb, 0xa5, sizeof(new->rb));	/* must be overwritten */
	if (h->cached)
		rb_replace_node_cached(&old->rb, &new->rb, &h->root);
	else
		rb_replace_node(&old->rb, &new->rb, troot(h));
	h->model[idx].node = new;
	free(old);
	h->replaces++;
}

/*
 * aug_insert - insert into an augmented tree, fixing summaries one of the
 * two documented ways: raise ancestors on the way down, or link with a
 * neutral summary (0) and propagate from the new node.
 */
static void aug_insert(struct harness *h, long key, size_t idx)
{
	struct tnode *t = new_tnode(h, key);
	bool raise = rng_below(2);
	struct rb_node *parent, **link;
	bool leftmost;

	link = find_slot(h, t, &parent, &leftmost, raise);
	rb_link_node(&t->rb, parent, link);
	if (raise) {
		t->subtree_max = t->value;
	} else {
		t->subtree_max = 0;
		tnode_max_cb_propagate(&t->rb, NULL);
	}
	if (h->cached)
		rb_insert_augmented_cached(&t->rb, &h->root, leftmost,
					   &tnode_max_cb);
	else
		rb_insert_augmented(&t->rb, troot(h), &tnode_max_cb);
	model_insert_at(h, idx, t);
	h->inserts++;
}

/* aug_update - change a node's own value in place and propagate */
static void aug_update(struct harness *h, size_t idx)
{
	struct tnode *t = h->model[idx].node;

	t->value = rng_below(VALUE_RANGE);
	tnode_max_cb_propagate(&t->rb, NULL);
	h->updates++;
}

/* dups_insert - rb_add_cached(), which places @key after its equals */
static void dups_insert(struct harness *h, long key)
{
	struct tnode *t = new_tnode(h, key);
	size_t idx = model_upper(h, key);
	struct rb_node *ret = rb_add_cached(&t->rb, &h->root, tnode_less);

	if (ret != (idx == 0 ? &t->rb : NULL))
		fail(h, "rb_add_cached(%ld) returned key %ld", key, key_of(ret));
	model_insert_at(h, idx, t);
	h->inserts++;
}

/* dups_erase_first - rb_find_first() must give the model's first match */
static void dups_erase_first(struct harness *h, long key, size_t idx)
{
	struct rb_node *first = rb_find_first(&key, troot(h), tnode_cmp_key);

	if (first != &h->model[idx].node->rb)
		fail(h, "rb_find_first(%ld) returned #%lu, expected #%lu", key,
		     first ? tnode_of(first)->seq : 0, h->model[idx].seq);
	h->lookups++;
	erase_at(h, idx);
}

/* do_step - one random operation on @h */
static void do_step(struct harness *h)
{
	long key = (long)rng_below((unsigned long)h->key_range);
	size_t idx = model_lower(h, key);
	bool present = idx < h->n && h->model[idx].key == key;
	unsigned long r = rng_below(16);

	switch (h->kind) {
	case PLAIN:
		if (!present)
			plain_insert(h, key, idx);
		else if (r == 0)
			replace_at(h, idx);
		else if (r == 1)
			plain_probe(h, idx);
		else
			erase_at(h, idx);
		break;
	case AUGMENTED:
	case AUGMENTED_CACHED:
		if (!present)
			aug_insert(h, key, idx);
		else if (r == 0)
			replace_at(h, idx);
		else if (r < 4)
			aug_update(h, idx);
		else
			erase_at(h, idx);
		break;
	case CACHED_DUPS:
		if (present && r == 0)
			replace_at(h, idx);
		else if (h->n >= h->live_cap)
			erase_at(h, rng_below(h->n));
		else if (present && r < 9)
			dups_erase_first(h, key, idx);
		else
			dups_insert(h, key);
		break;
	}
}

/* check_or_die - the full check, fatal on failure */
static void check_or_die(struct harness *h)
{
	const char *err = check_tree(h);

	if (err)
		fail(h, "%s", err);
}

/* check_postorder - rb_first_postorder/rb_next_postorder: children first */
static void check_postorder(struct harness *h)
{
	size_t seen = 0;
	struct rb_node *p;

	for (size_t i = 0; i < h->n; i++)
		h->model[i].node->visited = false;
	for (p = rb_first_postorder(troot(h)); p; p = rb_next_postorder(p)) {
		if ((p->rb_left && !tnode_of(p->rb_left)->visited) ||
		    (p->rb_right && !tnode_of(p->rb_right)->visited))
			fail(h, "post-order visits node %ld before a child",
			     key_of(p));
		if (tnode_of(p)->visited || ++seen > h->n)
			fail(h, "post-order visits node %ld twice", key_of(p));
		tnode_of(p)->visited = true;
	}
	if (seen != h->n)
		fail(h, "post-order visited %zu of %zu nodes", seen, h->n);
}

/*
 * run_harness - @steps random operations, then drain the tree to empty;
 * the full check runs after every single one.  Returns the number of
 * operations done.
 */
static unsigned long run_harness(struct harness *h, unsigned long steps)
{
	unsigned long drained = 0;

	check_or_die(h);
	for (h->step = 1; h->step <= steps; h->step++) {
		do_step(h);
		check_or_die(h);
	}
	check_postorder(h);
	for (; h->n; h->step++, drained++) {
		erase_at(h, rng_below(h->n));
		check_or_die(h);
	}
	if (rb_first_postorder(troot(h)) || rb_next_postorder(NULL))
		fail(h, "post-order walk of an empty tree is not empty");
	printf("rbtree: [%s] %lu steps + %lu drain: %lu inserts, %lu erases, %lu replaces, %lu updates, %lu lookups, max size %zu\n",
	       h->name, steps, drained, h->inserts, h->erases, h->replaces,
	       h->updates, h->lookups, h->max_n);
	free(h->model);
	free(h->scratch);
	free(h);
	return steps + drained;
}

/* ---------------------------------------------------------------------- */
/* Self-test of the checker: break a copy of a good tree, expect a report. */

/* map - the clone of @rb (a node of @src) in @dst */
static struct rb_node *map(const struct harness *dst, const struct rb_node *rb)
{
	return rb ? &dst->model[tnode_of(rb)->idx].node->rb : NULL;
}

/* clone_harness - a deep copy of @src: new nodes, same shape and colours */
static struct harness *clone_harness(const struct harness *src)
{
	struct harness *dst = xmalloc(sizeof(*dst));
	size_t i;

	*dst = *src;
	dst->model = xmalloc(src->cap * sizeof(*dst->model));
	dst->scratch = xmalloc(src->cap * sizeof(*dst->scratch));
	for (i = 0; i < src->n; i++) {
		src->model[i].node->idx = i;
		dst->model[i] = src->model[i];
		dst->model[i].node = xmalloc(sizeof(struct tnode));
		*dst->model[i].node = *src->model[i].node;
	}
	for (i = 0; i < src->n; i++) {
		const struct rb_node *o = &src->model[i].node->rb;
		struct rb_node *c = &dst->model[i].node->rb;

		c->rb_left = map(dst, o->rb_left);
		c->rb_right = map(dst, o->rb_right);
		c->__rb_parent_color = (unsigned long)map(dst, rb_parent(o)) |
				       rb_color(o);
	}
	dst->root.rb_root.rb_node = map(dst, src->root.rb_root.rb_node);
	dst->root.rb_leftmost = map(dst, src->root.rb_leftmost);
	return dst;
}

static void free_clone(struct harness *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->model[i].node);
	free(h->model);
	free(h->scratch);
	free(h);
}

/* find_node - the first node (in order) for which @pred holds, or NULL */
static struct rb_node *find_node(struct harness *h,
				 bool (*pred)(const struct rb_node *))
{
	for (size_t i = 0; i < h->n; i++)
		if (pred(&h->model[i].node->rb))
			return &h->model[i].node->rb;
	return NULL;
}

static bool red_with_child(const struct rb_node *rb)
{
	return rb_is_red(rb) && (rb->rb_left || rb->rb_right);
}

static bool is_red(const struct rb_node *rb)
{
	return rb_is_red(rb);
}

static bool red_leaf(const struct rb_node *rb)
{
	return rb_is_red(rb) && !rb->rb_left && !rb->rb_right;
}

static bool has_grandparent(const struct rb_node *rb)
{
	return rb_parent(rb) && rb_parent(rb_parent(rb));
}

/* Each corrupter breaks one thing and returns false if it cannot. */

static bool corrupt_root_red(struct harness *h)
{
	struct rb_node *top = troot(h)->rb_node;

	if (!top)
		return false;
	top->__rb_parent_color &= ~1UL;
	return true;
}

static bool corrupt_red_red(struct harness *h)
{
	struct rb_node *rb = find_node(h, red_with_child);

	if (!rb)
		return false;
	rb = rb->rb_left ? rb->rb_left : rb->rb_right;	/* black child */
	rb->__rb_parent_color &= ~1UL;			/* now red */
	return true;
}

static bool corrupt_parent_link(struct harness *h)
{
	struct rb_node *rb = find_node(h, has_grandparent);

	if (!rb)
		return false;
	rb_set_parent(rb, rb_parent(rb_parent(rb)));
	return true;
}

static bool corrupt_black_height(struct harness *h)
{
	struct rb_node *rb = find_node(h, is_red);

	if (!rb)
		return false;
	rb->__rb_parent_color |= RB_BLACK;	/* its children are black */
	return true;
}

static bool corrupt_bit1(struct harness *h)
{
	if (!h->n)
		return false;
	h->model[h->n / 2].node->rb.__rb_parent_color |= 2;
	return true;
}

static bool corrupt_order(struct harness *h)
{
	struct tnode *a, *b;
	long k;

	if (h->n < 2)
		return false;
	a = h->model[h->n / 2 - 1].node;
	b = h->model[h->n / 2].node;
	k = a->key;
	a->key = b->key;
	b->key = k;
	return true;
}

static bool corrupt_lost_leaf(struct harness *h)
{
	struct rb_node *rb = find_node(h, red_leaf), *parent;

	if (!rb)
		return false;
	parent = rb_parent(rb);		/* red, so not the root */
	if (parent->rb_left == rb)
		parent->rb_left = NULL;
	else
		parent->rb_right = NULL;
	tnode_max_cb_propagate(parent, NULL);	/* summaries stay right */
	return true;
}

static bool corrupt_subtree_max(struct harness *h)
{
	if (!h->n)
		return false;
	h->model[h->n / 3].node->subtree_max += 1;
	return true;
}

static bool corrupt_leftmost(struct harness *h)
{
	if (h->n < 2)
		return false;
	h->root.rb_leftmost = &h->model[1].node->rb;
	return true;
}

static const struct corruption {
	const char *what;
	bool (*apply)(struct harness *h);
	const char *expect;		/* substring of the checker's report */
} corruptions[] = {
	{ "root painted red",		corrupt_root_red,	"root is red" },
	{ "black child of red painted red", corrupt_red_red,	"has a red child" },
	{ "parent link skips a level",	corrupt_parent_link,	"parent link" },
	{ "red node painted black",	corrupt_black_height,	"black height" },
	{ "unused bit 1 set",		corrupt_bit1,		"bit 1" },
	{ "two keys swapped",		corrupt_order,		"in-order position" },
	{ "red leaf unhooked",		corrupt_lost_leaf,	"in-order position" },
	{ "subtree_max off by one",	corrupt_subtree_max,	"subtree_max" },
	{ "rb_leftmost wrong",		corrupt_leftmost,	"rb_leftmost" },
};

/*
 * checker_selftest - build a good augmented, cached tree; for each entry
 * of corruptions[], clone it, check the clone passes, break it, and check
 * the checker now reports the expected problem.  The original tree is
 * then freed with rbtree_postorder_for_each_entry_safe().
 */
static void checker_selftest(void)
{
	uint64_t saved_state = rng_state;
	struct harness *h = new_harness("self-test setup", AUGMENTED_CACHED,
					600);
	struct tnode *pos, *tmp;
	size_t freed = 0, live;
	const char *err;

	rng_state = 0x5e1f7e57ULL;	/* fixed: the shapes below must exist */
	for (h->step = 1; h->step <= 400; h->step++) {
		do_step(h);
		check_or_die(h);
	}

	for (size_t i = 0; i < ARRAY_SIZE(corruptions); i++) {
		const struct corruption *c = &corruptions[i];
		struct harness *copy = clone_harness(h);

		copy->name = c->what;
		if ((err = check_tree(copy)))
			fail(copy, "clone of a good tree fails the check: %s",
			     err);
		if (!c->apply(copy))
			fail(copy, "could not set up this corruption");
		err = check_tree(copy);
		if (!err)
			fail(copy, "the checker did NOT notice");
		if (!strstr(err, c->expect))
			fail(copy, "the checker reported \"%s\", expected a report of \"%s\"",
			     err, c->expect);
		printf("rbtree: self-test: %-32s -> caught: %s\n", c->what, err);
		free_clone(copy);
	}

	live = h->n;
	rbtree_postorder_for_each_entry_safe(pos, tmp, troot(h), rb) {
		free(pos);
		freed++;
	}
	if (freed != live)
		fail(h, "rbtree_postorder_for_each_entry_safe freed %zu of %zu",
		     freed, live);
	printf("rbtree: self-test: all %zu corruptions caught; post-order free of %zu nodes ok\n",
	       ARRAY_SIZE(corruptions), freed);
	free(h->model);
	free(h->scratch);
	free(h);
	rng_state = saved_state;
}

/* ---------------------------------------------------------------------- */

int main(int argc, char **argv)
{
	unsigned long ops = 0;
	struct timespec t0, t1;
	char *end;

	if (argc > 2) {
		fprintf(stderr, "usage: %s [seed]\n", argv[0]);
		return 2;
	}
	seed = DEFAULT_SEED;
	if (argc == 2) {
		seed = strtoull(argv[1], &end, 0);
		if (!*argv[1] || *end) {
			fprintf(stderr, "rbtree: bad seed \"%s\"\n", argv[1]);
			return 2;
		}
	}
	rng_state = seed;
	clock_gettime(CLOCK_MONOTONIC, &t0);

	checker_selftest();
	ops += run_harness(new_harness("plain", PLAIN, 2048), 100000);
	ops += run_harness(new_harness("augmented", AUGMENTED, 2048), 100000);
	ops += run_harness(new_harness("cached+dups", CACHED_DUPS, 256), 20000);
	ops += run_harness(new_harness("augmented+cached", AUGMENTED_CACHED,
				       1024), 20000);

	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("rbtree: %lu operations, all invariants held (seed %llu) in %.1f s\n",
	       ops, seed, (double)(t1.tv_sec - t0.tv_sec) +
			  (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
