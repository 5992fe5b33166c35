// SPDX-License-Identifier: GPL-2.0
/*
 * The file system from the kernel side: path walks (".", "..", symlinks,
 * mounts), the page cache under write, read and truncate, file mappings
 * sharing the page cache's pages, and exec sharing a program's text
 * pages between processes.  Every case removes what it made; the runner's
 * leak check then proves dentries, inodes, files and pages went too.
 */
#include <ktest.h>
#include <binfmts.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <string.h>

#define DIR	"/tmp/ktest-vfs"

/* The dentry @path names (following a last symlink if @follow), or an ERR_PTR. */
static struct dentry *lookup(const char *path, bool follow)
{
	struct path p;
	int err = kern_path(path, follow ? LOOKUP_FOLLOW : 0, &p);
	struct dentry *d;

	if (err)
		return ERR_PTR(err);
	d = p.dentry;
	path_put(&p);			/* the tree (pinned ramfs names) keeps it */
	return d;
}

static void make_tree(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, vfs_create_path(DIR, S_IFDIR | 0755, 0, NULL), 0);
	KTEST_ASSERT_EQ(test, vfs_create_path(DIR "/a", S_IFDIR | 0755, 0, NULL), 0);
	KTEST_ASSERT_EQ(test, vfs_create_path(DIR "/a/b", S_IFDIR | 0755, 0, NULL), 0);
	KTEST_ASSERT_EQ(test, vfs_create_path(DIR "/f", S_IFREG | 0644, 0, NULL), 0);
	KTEST_ASSERT_EQ(test, vfs_create_path(DIR "/l", S_IFLNK, 0, "a/b"), 0);
	KTEST_ASSERT_EQ(test, vfs_create_path(DIR "/loop", S_IFLNK, 0, "loop"), 0);
}

/* rmdir for kernel code: the syscall's body wants a user pointer. */
static void remove_tree(struct ktest *test)
{
	struct path parent;
	struct dentry *d;

	KTEST_EXPECT_EQ(test, kern_unlink(DIR "/f"), 0);
	KTEST_EXPECT_EQ(test, kern_unlink(DIR "/l"), 0);
	KTEST_EXPECT_EQ(test, kern_unlink(DIR "/loop"), 0);
	/* directories: ramfs's rmdir, under the parent's lock, as rmdir(2) */
	for (const char *const *p = (const char *const[]){ DIR "/a/b", DIR "/a", DIR, NULL };
	     *p; p++) {
		char up[64];

		strscpy(up, *p, sizeof(up));
		*strrchr(up, '/') = '\0';
		KTEST_ASSERT_EQ(test, kern_path(up, 0, &parent), 0);
		d = lookup(*p, false);
		KTEST_ASSERT_FALSE(test, IS_ERR(d));
		down_write(&parent.dentry->d_inode->i_rwsem);
		dget(d);
		KTEST_EXPECT_EQ(test, parent.dentry->d_inode->i_op->rmdir(parent.dentry->d_inode, d), 0);
		dput(d);
		up_write(&parent.dentry->d_inode->i_rwsem);
		path_put(&parent);
	}
}

static void vfs_path_walk(struct ktest *test)
{
	struct dentry *b, *root = current->fs->root.dentry;
	struct path p;

	make_tree(test);
	b = lookup(DIR "/a/b", false);
	KTEST_ASSERT_FALSE(test, IS_ERR(b));
	KTEST_EXPECT_PTR_EQ(test, lookup(DIR "/a/../a/./b", false), b);
	KTEST_EXPECT_PTR_EQ(test, lookup(DIR "//a///b/", false), b);
	KTEST_EXPECT_PTR_EQ(test, lookup(DIR "/l", true), b);		/* followed */
	KTEST_EXPECT_TRUE(test, S_ISLNK(lookup(DIR "/l", false)->d_inode->i_mode));
	KTEST_EXPECT_PTR_EQ(test, lookup(DIR "/l/..", false), lookup(DIR "/a", false));
	KTEST_EXPECT_EQ(test, PTR_ERR(lookup(DIR "/missing", true)), -ENOENT);
	KTEST_EXPECT_EQ(test, PTR_ERR(lookup(DIR "/f/x", true)), -ENOTDIR);
	KTEST_EXPECT_EQ(test, PTR_ERR(lookup(DIR "/f/", true)), -ENOTDIR);
	KTEST_EXPECT_EQ(test, PTR_ERR(lookup(DIR "/loop", true)), -ELOOP);
	KTEST_EXPECT_EQ(test, vfs_create_path(DIR "/f", S_IFREG | 0644, 0, NULL), -EEXIST);
	KTEST_EXPECT_PTR_EQ(test, lookup("/..", false), root);	/* never above "/" */
	/* into the proc mount and back out of it */
	KTEST_ASSERT_EQ(test, kern_path("/proc/..", 0, &p), 0);
	KTEST_EXPECT_PTR_EQ(test, p.dentry, root);
	path_put(&p);
	KTEST_ASSERT_EQ(test, kern_path("/proc/self", LOOKUP_FOLLOW, &p), 0);
	KTEST_EXPECT_TRUE(test, S_ISDIR(p.dentry->d_inode->i_mode));
	KTEST_EXPECT_EQ(test, (int)p.dentry->d_name.len, 1);	/* "1": the ktest runner */
	KTEST_EXPECT_EQ(test, p.dentry->d_name.name[0], '1');
	path_put(&p);
	remove_tree(test);
}

/* A ramfs directory's position is a name's d_seq: SEEK_END means nothing. */
static void vfs_dir_lseek(struct ktest *test)
{
	struct file *d = filp_open("/bin", O_RDONLY | O_DIRECTORY, 0);

	KTEST_ASSERT_FALSE(test, IS_ERR(d));
	KTEST_EXPECT_EQ(test, d->f_op->llseek(d, 0, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(test, d->f_op->llseek(d, 5, SEEK_SET), 5);
	KTEST_EXPECT_EQ(test, d->f_op->llseek(d, 2, SEEK_CUR), 7);
	KTEST_EXPECT_EQ(test, d->f_op->llseek(d, -8, SEEK_CUR), -EINVAL);
	fput(d);
}

/* Write @len bytes of a pattern at @pos of @f. */
static void write_pattern(struct ktest *test, struct file *f, loff_t pos, size_t len, u8 seed)
{
	u8 *buf = kmalloc(len, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, buf);
	for (size_t i = 0; i < len; i++)
		buf[i] = seed + i * 7;
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, len, &pos), (ssize_t)len);
	kfree(buf);
}

static void vfs_page_cache_write_read_truncate(struct ktest *test)
{
	struct file *f = filp_open(DIR "-file", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct address_space *mapping;
	unsigned long free_before;
	u8 buf[64];
	loff_t pos;

	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	mapping = f->f_mapping;
	write_pattern(test, f, 0, 100, 1);		/* the tree gets its root first */
	free_before = nr_free_pages();
	write_pattern(test, f, 100, 3 * PAGE_SIZE, 9);	/* three more pages' worth */
	KTEST_EXPECT_EQ(test, mapping->nrpages, 4);
	KTEST_EXPECT_EQ(test, free_before - nr_free_pages(), 3);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_size, 100 + 3 * PAGE_SIZE);
	pos = 100 + PAGE_SIZE;
	KTEST_ASSERT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), (ssize_t)sizeof(buf));
	KTEST_EXPECT_EQ(test, buf[0], (u8)(9 + PAGE_SIZE * 7));
	/* truncate: the pages past the end go back, the last one's tail is zeroed */
	KTEST_EXPECT_EQ(test, vfs_truncate_inode(file_inode(f), 5000), 0);
	KTEST_EXPECT_EQ(test, mapping->nrpages, 2);
	KTEST_EXPECT_EQ(test, free_before - nr_free_pages(), 1);	/* pages 2 and 3 went */
	pos = 4990;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 10);
	/* growing again: the old tail reads as zeros */
	KTEST_EXPECT_EQ(test, vfs_truncate_inode(file_inode(f), 6000), 0);
	pos = 5000;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, 16, &pos), 16);
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, 16));
	/* unlinked while open: still readable; the last fput frees it (leak check) */
	KTEST_EXPECT_EQ(test, kern_unlink(DIR "-file"), 0);
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, 8, &pos), 8);
	KTEST_EXPECT_EQ(test, buf[1], 1 + 7);
	fput(f);
}

#define FAR	(8LL << 30)	/* 8 GiB */

/* A page far into a file costs a few nodes of the page-cache tree, nothing more. */
static void vfs_page_cache_is_sparse(struct ktest *test)
{
	struct file *f = filp_open(DIR "-sparse", O_CREAT | O_RDWR | O_TRUNC, 0644);
	unsigned long free_before;
	u8 byte = 0x42, buf[16];
	loff_t pos = FAR;

	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	kern_unlink(DIR "-sparse");
	free_before = nr_free_pages();
	KTEST_EXPECT_EQ(test, kernel_write(f, &byte, 1, &pos), 1);
	KTEST_EXPECT_EQ(test, f->f_mapping->nrpages, 1);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_size, FAR + 1);
	KTEST_EXPECT_ULE(test, free_before - nr_free_pages(), 4);	/* the page, three nodes */
	pos = FAR;
	byte = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, &byte, 1, &pos), 1);
	KTEST_EXPECT_EQ(test, byte, 0x42);
	pos = FAR - sizeof(buf);			/* the hole before it */
	memset(buf, 0xff, sizeof(buf));
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), (ssize_t)sizeof(buf));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, sizeof(buf)));
	/* cut below it: the page and every node go back */
	KTEST_EXPECT_EQ(test, vfs_truncate_inode(file_inode(f), PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, f->f_mapping->nrpages, 0);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free_before);
	fput(f);
}

/* The pfn the pte of @addr in @mm maps, after a fault (write if @write); 0 if none. */
static unsigned long fault_pfn(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pte_t *pte;

	if (!vma || vma->vm_start > addr ||
	    (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0) & VM_FAULT_ERROR))
		return 0;
	pte = follow_pte(mm, addr);
	return pte && pte_present(*pte) ? pte_pfn(*pte) : 0;
}

#define MAP_ADDR	0x10000000UL

static void vfs_file_mappings_share_the_page_cache(struct ktest *test)
{
	struct file *f = filp_open(DIR "-map", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct mm_struct *shared = mm_alloc(), *private = mm_alloc();
	struct page *cached;
	unsigned long pfn;
	u8 byte = 0x5a;
	loff_t pos = 0;

	KTEST_ASSERT_TRUE(test, !IS_ERR(f) && shared && private);
	kern_unlink(DIR "-map");
	write_pattern(test, f, 0, 2 * PAGE_SIZE, 3);
	KTEST_ASSERT_EQ(test, do_mmap(shared, f, MAP_ADDR, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_FIXED, 0), MAP_ADDR);
	KTEST_ASSERT_EQ(test, do_mmap(private, f, MAP_ADDR, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE | MAP_FIXED, 0), MAP_ADDR);
	cached = find_get_page(f->f_mapping, 0);
	KTEST_ASSERT_NOT_NULL(test, cached);
	/* a read fault maps the page cache's own page, in both */
	KTEST_EXPECT_EQ(test, fault_pfn(shared, MAP_ADDR, false), page_to_pfn(cached));
	KTEST_EXPECT_EQ(test, fault_pfn(private, MAP_ADDR, false), page_to_pfn(cached));
	KTEST_EXPECT_EQ(test, page_mapcount(cached), 2);
	/* a private write copies; the file keeps its byte */
	pfn = fault_pfn(private, MAP_ADDR, true);
	KTEST_EXPECT_NE(test, pfn, page_to_pfn(cached));
	KTEST_EXPECT_EQ(test, access_remote_vm(private, MAP_ADDR, &byte, 1, true), 1);
	KTEST_EXPECT_EQ(test, *(u8 *)page_address(cached), 3);
	/* a shared write is the file's: read() sees it */
	KTEST_EXPECT_EQ(test, fault_pfn(shared, MAP_ADDR, true), page_to_pfn(cached));
	KTEST_EXPECT_EQ(test, access_remote_vm(shared, MAP_ADDR, &byte, 1, true), 1);
	KTEST_EXPECT_EQ(test, kernel_read(f, &byte, 1, &pos), 1);
	KTEST_EXPECT_EQ(test, byte, 0x5a);
	put_page(cached);
	/* truncation unmaps what it frees, from every mapping */
	KTEST_EXPECT_NE(test, fault_pfn(shared, MAP_ADDR + PAGE_SIZE, false), 0);
	KTEST_EXPECT_EQ(test, vfs_truncate_inode(file_inode(f), PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !follow_pte(shared, MAP_ADDR + PAGE_SIZE) ||
				!pte_present(*follow_pte(shared, MAP_ADDR + PAGE_SIZE)));
	KTEST_EXPECT_EQ(test, handle_mm_fault(find_vma(shared, MAP_ADDR), MAP_ADDR + PAGE_SIZE, 0),
			VM_FAULT_SIGBUS);
	fput(f);
	mmput(shared);
	mmput(private);
}

/*
 * A ->fault that lets a truncation in where one may preempt a real fault:
 * after filemap_fault() found the page, before do_fault() maps it.  The
 * file is cut to 0, then grown back to regrow_size if that is not 0 --
 * by the next truncations_left faults.
 */
static loff_t regrow_size;
static int truncations_left;

static int truncating_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	int ret = filemap_fault(vmf);

	if (truncations_left-- > 0) {
		vfs_truncate_inode(inode, 0);
		if (regrow_size)
			vfs_truncate_inode(inode, regrow_size);
	}
	return ret;
}

static const struct vm_operations_struct truncating_vm_ops = {
	.fault = truncating_fault,
};

static bool pte_mapped(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte && pte_present(*pte);
}

/* A fault maps no page a racing truncation took out of the file. */
static void vfs_fault_racing_truncate_maps_nothing(struct ktest *test)
{
	struct file *f = filp_open(DIR "-race", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct mm_struct *mm = mm_alloc();
	const struct vm_operations_struct *file_ops;
	struct vm_area_struct *vma;
	struct page *page;

	KTEST_ASSERT_TRUE(test, !IS_ERR(f) && mm);
	kern_unlink(DIR "-race");
	write_pattern(test, f, 0, PAGE_SIZE, 7);
	KTEST_ASSERT_EQ(test, do_mmap(mm, f, MAP_ADDR, PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED,
				      0), MAP_ADDR);
	vma = find_vma(mm, MAP_ADDR);
	file_ops = vma->vm_ops;
	vma->vm_ops = &truncating_vm_ops;
	/* cut to 0: the file ends before the page now -- SIGBUS, nothing mapped */
	regrow_size = 0;
	truncations_left = 1;
	KTEST_EXPECT_EQ(test, handle_mm_fault(vma, MAP_ADDR, 0), VM_FAULT_SIGBUS);
	KTEST_EXPECT_FALSE(test, pte_mapped(mm, MAP_ADDR));
	KTEST_EXPECT_EQ(test, f->f_mapping->nrpages, 0);
	/* cut and grown back: the page found is no longer the file's -- fault again */
	write_pattern(test, f, 0, PAGE_SIZE, 7);
	regrow_size = PAGE_SIZE;
	truncations_left = 1;
	KTEST_EXPECT_EQ(test, handle_mm_fault(vma, MAP_ADDR, 0) & VM_FAULT_ERROR, 0);
	KTEST_EXPECT_FALSE(test, pte_mapped(mm, MAP_ADDR));
	KTEST_EXPECT_EQ(test, handle_mm_fault(vma, MAP_ADDR, 0), 0);
	page = find_get_page(f->f_mapping, 0);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, pte_pfn(*follow_pte(mm, MAP_ADDR)), page_to_pfn(page));
	put_page(page);
	vma->vm_ops = file_ops;
	mmput(mm);
	fput(f);
}

/* access_remote_vm() copies what the file holds even if a truncation raced its fault. */
static void vfs_remote_access_retries_a_raced_fault(struct ktest *test)
{
	struct file *f = filp_open(DIR "-remote", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct mm_struct *mm = mm_alloc();
	const struct vm_operations_struct *file_ops;
	struct vm_area_struct *vma;
	u8 buf[8];

	KTEST_ASSERT_TRUE(test, !IS_ERR(f) && mm);
	kern_unlink(DIR "-remote");
	write_pattern(test, f, 0, PAGE_SIZE, 9);
	KTEST_ASSERT_EQ(test, do_mmap(mm, f, MAP_ADDR, PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED,
				      0), MAP_ADDR);
	vma = find_vma(mm, MAP_ADDR);
	file_ops = vma->vm_ops;
	vma->vm_ops = &truncating_vm_ops;
	regrow_size = PAGE_SIZE;
	truncations_left = 1;
	memset(buf, 0xff, sizeof(buf));
	KTEST_EXPECT_EQ(test, access_remote_vm(mm, MAP_ADDR, buf, sizeof(buf), false),
			(int)sizeof(buf));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, sizeof(buf)));	/* the new page: a hole */
	vma->vm_ops = file_ops;
	mmput(mm);
	fput(f);
}

/*
 * munmap's and exit's order: the ptes go (unmap_vmas), then the page
 * tables (free_pgtables) -- and before those, a file area leaves the
 * file's i_mmap list, which a truncation walks into each area's tables.
 */
static void vfs_free_pgtables_unlinks_file_areas(struct ktest *test)
{
	struct file *f = filp_open(DIR "-unlink", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	KTEST_ASSERT_TRUE(test, !IS_ERR(f) && mm);
	kern_unlink(DIR "-unlink");
	write_pattern(test, f, 0, PAGE_SIZE, 5);
	KTEST_ASSERT_EQ(test, do_mmap(mm, f, MAP_ADDR, PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED,
				      0), MAP_ADDR);
	KTEST_EXPECT_NE(test, fault_pfn(mm, MAP_ADDR, false), 0);
	vma = find_vma(mm, MAP_ADDR);
	KTEST_EXPECT_FALSE(test, list_empty(&f->f_mapping->i_mmap));
	unmap_vmas(vma, vma->vm_start, vma->vm_end);
	KTEST_EXPECT_FALSE(test, list_empty(&f->f_mapping->i_mmap));	/* its tables are still there */
	free_pgtables(vma, 0, 0);
	KTEST_EXPECT_TRUE(test, list_empty(&f->f_mapping->i_mmap));
	KTEST_EXPECT_NULL(test, follow_pte(mm, MAP_ADDR));
	KTEST_EXPECT_EQ(test, vfs_truncate_inode(file_inode(f), 0), 0);
	mmput(mm);			/* exit_mmap() finds the area with no tables left */
	fput(f);
}

/* Load /bin/hello into @mm as exec does; its entry point, or 0. */
static unsigned long load_hello(struct ktest *test, struct mm_struct *mm)
{
	static const char *const argv[] = { "hello", NULL };
	struct linux_binprm bprm = { .filename = "/bin/hello", .argv = argv, .envp = argv + 1,
				     .mm = mm };
	int err;

	bprm.file = open_exec(AT_FDCWD, "/bin/hello", 0);
	if (IS_ERR(bprm.file))
		return 0;
	bprm.size = file_inode(bprm.file)->i_size;
	err = load_elf_binary(&bprm);
	allow_write_access(bprm.file);		/* no mm took it as its exe_file */
	fput(bprm.file);
	return err ? 0 : bprm.entry;
}

/* Two processes running one program share its text: the same page frame. */
static void vfs_exec_shares_text_pages(struct ktest *test)
{
	struct mm_struct *a = mm_alloc(), *b = mm_alloc();
	unsigned long entry_a, entry_b, pfn;
	struct vm_area_struct *text;

	KTEST_ASSERT_TRUE(test, a && b);
	entry_a = load_hello(test, a);
	entry_b = load_hello(test, b);
	KTEST_ASSERT_NE(test, entry_a, 0);
	KTEST_EXPECT_EQ(test, entry_a, entry_b);
	text = find_vma(a, entry_a);
	KTEST_ASSERT_NOT_NULL(test, text->vm_file);
	KTEST_EXPECT_FALSE(test, text->vm_flags & VM_WRITE);
	pfn = fault_pfn(a, entry_a, false);
	KTEST_EXPECT_NE(test, pfn, 0);
	KTEST_EXPECT_EQ(test, fault_pfn(b, entry_b, false), pfn);
	KTEST_EXPECT_TRUE(test, page_mapcount(pfn_to_page(pfn)) >= 2);
	KTEST_EXPECT_FALSE(test, PageAnon(pfn_to_page(pfn)));
	mmput(a);
	mmput(b);
}

static struct ktest_case vfs_cases[] = {
	KTEST_CASE(vfs_path_walk),
	KTEST_CASE(vfs_dir_lseek),
	KTEST_CASE(vfs_page_cache_write_read_truncate),
	KTEST_CASE(vfs_page_cache_is_sparse),
	KTEST_CASE(vfs_file_mappings_share_the_page_cache),
	KTEST_CASE(vfs_fault_racing_truncate_maps_nothing),
	KTEST_CASE(vfs_remote_access_retries_a_raced_fault),
	KTEST_CASE(vfs_free_pgtables_unlinks_file_areas),
	KTEST_CASE(vfs_exec_shares_text_pages),
	{}
};

static struct ktest_suite vfs_suite = {
	.name = "vfs",
	.test_cases = vfs_cases,
};
ktest_suite(vfs_suite);
