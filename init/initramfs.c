// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacking the initramfs into rootfs (Linux: init/initramfs.c).
 *
 * GRUB loads the initrd as a multiboot2 module: a cpio archive in the
 * "newc" format (scripts/mkcpio.py writes it; the format is described
 * there).  Each entry is a 110-byte header of hex fields, the name, and
 * the data, each padded to 4 bytes; "TRAILER!!!" ends it.  Directories,
 * regular files (their bytes become page-cache pages), symlinks, device
 * nodes and FIFOs become names in rootfs.  Then the module's memory goes
 * back to the buddy allocator.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <sched.h>
#include <fdtable.h>
#include <slab.h>
#include <string.h>
#include <asm/setup.h>
#include <asm/bootparam.h>

#define CPIO_HDR_LEN	110

struct cpio_hdr {
	unsigned long ino, mode, uid, gid, nlink, mtime, filesize;
	unsigned long devmajor, devminor, rdevmajor, rdevminor, namesize, check;
};

/* parse_header - the 13 hex fields after the magic; false if malformed. */
static bool parse_header(const char *p, struct cpio_hdr *h)
{
	unsigned long *field = &h->ino;

	if (memcmp(p, "070701", 6) && memcmp(p, "070702", 6))
		return false;
	p += 6;
	for (int i = 0; i < 13; i++, p += 8) {
		unsigned long v = 0;

		for (int j = 0; j < 8; j++) {
			char c = p[j];
			int d = c >= '0' && c <= '9' ? c - '0' :
				c >= 'a' && c <= 'f' ? c - 'a' + 10 :
				c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

			if (d < 0)
				return false;
			v = v << 4 | d;
		}
		field[i] = v;
	}
	return true;
}

/* write_file - a regular file @path of @mode holding @len bytes of @data. */
static int write_file(const char *path, umode_t mode, const char *data, unsigned long len)
{
	struct file *f = filp_open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
	loff_t pos = 0;
	ssize_t n = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (len)
		n = kernel_write(f, data, len, &pos);
	fput(f);
	return n < 0 ? n : (unsigned long)n == len ? 0 : -ENOSPC;
}

/* do_entry - make the name of one archive entry in rootfs. */
static int do_entry(const struct cpio_hdr *h, const char *name, const char *data)
{
	char path[PATH_MAX];
	umode_t mode = h->mode;
	char *target;
	int err;

	snprintf(path, sizeof(path), "/%s", name);
	switch (mode & S_IFMT) {
	case S_IFDIR:
		err = vfs_create_path(path, mode, 0, NULL);
		return err == -EEXIST ? 0 : err;
	case S_IFREG:
		return write_file(path, mode & S_IALLUGO, data, h->filesize);
	case S_IFLNK:
		if (h->filesize >= PATH_MAX)
			return -ENAMETOOLONG;
		target = kmalloc(h->filesize + 1, GFP_KERNEL);
		if (!target)
			return -ENOMEM;
		memcpy(target, data, h->filesize);
		target[h->filesize] = '\0';
		err = vfs_create_path(path, S_IFLNK | 0777, 0, target);
		kfree(target);
		return err;
	case S_IFCHR:
	case S_IFIFO:
		return vfs_create_path(path, mode, MKDEV(h->rdevmajor, h->rdevminor), NULL);
	default:
		return -EINVAL;			/* block devices, sockets: nothing here uses them */
	}
}

/*
 * unpack_to_rootfs - every entry of the archive [buf, buf + len)
 * Return: NULL, or what went wrong.
 */
static const char *unpack_to_rootfs(const char *buf, unsigned long len)
{
	unsigned long off = 0;

	while (off + CPIO_HDR_LEN <= len) {
		struct cpio_hdr h;
		const char *name, *data;
		int err;

		if (!parse_header(buf + off, &h))
			return "no cpio magic";
		name = buf + off + CPIO_HDR_LEN;
		if (!h.namesize || off + CPIO_HDR_LEN + h.namesize > len ||
		    name[h.namesize - 1] != '\0')
			return "bad name";
		data = buf + ALIGN(off + CPIO_HDR_LEN + h.namesize, 4);
		if (!strcmp(name, "TRAILER!!!"))
			return NULL;
		if ((unsigned long)(data - buf) + h.filesize > len)
			return "file past the end";
		if (strcmp(name, ".") && strcmp(name, "..")) {
			err = do_entry(&h, name, data);
			if (err)
				pr_warn("initramfs: %s: error %d\n", name, err);
		}
		off = ALIGN((unsigned long)(data - buf) + h.filesize, 4);
	}
	return "no TRAILER!!!";
}

/*
 * populate_rootfs - unpack the first boot module (the initrd) into "/"
 * and give its memory back.  Without one, rootfs stays empty but for the
 * directories kernel_init makes.
 */
void populate_rootfs(void)
{
	struct boot_module *m;
	const char *err;
	int old_umask = current->fs->umask;

	if (!boot_params.nr_modules) {
		pr_warn("initramfs: no initrd module: nothing to run but built-in tests\n");
		return;
	}
	m = &boot_params.modules[0];
	current->fs->umask = 0;			/* the archive's modes, as they are */
	err = unpack_to_rootfs(__va(m->start), m->end - m->start);
	current->fs->umask = old_umask;
	if (err)
		pr_err("Initramfs unpacking failed: %s\n", err);
	free_reserved_area(__va(PAGE_ALIGN(m->start)), __va(m->end & PAGE_MASK), "initrd");
}
