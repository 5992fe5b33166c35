; SPDX-License-Identifier: GPL-2.0
;
; The multiboot2 header (Multiboot2 specification, section 3.1).  GRUB finds
; it in the first 32 KiB of the kernel file, loads the ELF segments at their
; physical addresses and jumps to the entry tag's address in 32-bit
; protected mode with paging off, EAX = magic and EBX = the information
; structure.

%include "boot/boot.inc"

MB2_HEADER_MAGIC	equ 0xe85250d6
MB2_ARCH_I386		equ 0

MB2_TAG_END		equ 0
MB2_TAG_INFO_REQUEST	equ 1
MB2_TAG_ENTRY_ADDRESS	equ 3
MB2_TAG_MODULE_ALIGN	equ 6

; information the kernel asks for (tag types of the boot information)
MB2_INFO_CMDLINE	equ 1
MB2_INFO_BOOTLOADER	equ 2
MB2_INFO_MODULE		equ 3
MB2_INFO_MMAP		equ 6

extern startup_32

section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
	dd MB2_HEADER_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	dd 0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	align 8
.info_request:
	dw MB2_TAG_INFO_REQUEST, 0
	dd .info_request_end - .info_request
	dd MB2_INFO_CMDLINE, MB2_INFO_BOOTLOADER, MB2_INFO_MODULE, MB2_INFO_MMAP
.info_request_end:

	align 8
.entry:
	dw MB2_TAG_ENTRY_ADDRESS, 0
	dd 12
	dd startup_32

	align 8
.module_align:				; page-aligned modules (the initrd)
	dw MB2_TAG_MODULE_ALIGN, 0
	dd 8

	align 8
	dw MB2_TAG_END, 0
	dd 8
mb2_header_end:
