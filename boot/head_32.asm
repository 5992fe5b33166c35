; SPDX-License-Identifier: GPL-2.0
;
; From GRUB to 64-bit code (Linux: the 32-bit half of
; arch/x86/boot/compressed/head_64.S; dissect is loaded uncompressed).
;
; startup_32 and its data live in the "head" (see linker.ld), linked at
; their physical addresses because paging is off when GRUB jumps here.  It
;   1. checks that a multiboot2 loader started us and that the CPU has
;      CPUID, long mode, PAE and NX, else says so on serial and VGA and halts;
;   2. builds the early page tables: the first 1 GiB of RAM with 2 MiB pages,
;      mapped three times through one page directory (early_pmd):
;        identity        0x0000000000000000  pgd[0]   -> early_pud_low[0]
;        direct map      0xffff888000000000  pgd[273] -> early_pud_low[0]
;        kernel image    0xffffffff80000000  pgd[511] -> early_pud_high[510]
;      (the direct-map alias lets __va() work in C before init_mem_mapping);
;   3. turns on PAE, PGE, EFER.LME + EFER.NXE, CR0.PG + CR0.WP, loads a
;      64-bit GDT and far-jumps into 64-bit code, still at low addresses;
; then jumps to startup_64 (boot/head_64.asm) at its higher-half address.
;
; The head is used only until init_mem_mapping() loads swapper_pg_dir and
; trap_init() loads the real GDT; free_initmem() then gives its pages,
; boot page tables included, to the buddy allocator.

%include "boot/boot.inc"

MB2_BOOTLOADER_MAGIC	equ 0x36d76289

COM1			equ 0x3f8
VGA_TEXT		equ 0xb8000

X86_CR0_PE		equ 1 << 0
X86_CR0_WP		equ 1 << 16
X86_CR0_PG		equ 1 << 31
X86_CR4_PAE		equ 1 << 5
X86_CR4_PGE		equ 1 << 7
MSR_EFER		equ 0xc0000080
EFER_LME		equ 1 << 8
EFER_NX			equ 1 << 11
X86_EFLAGS_ID		equ 1 << 21

PTE_PRESENT_RW		equ 0x003	; _PAGE_PRESENT | _PAGE_RW
PMD_LARGE		equ 0x083	; ... | _PAGE_PSE: a 2 MiB page
PGD_DIRECT_MAP		equ 273		; pgd_index(PAGE_OFFSET)
PGD_KERNEL_MAP		equ 511		; pgd_index(__START_KERNEL_map)
PUD_KERNEL_MAP		equ 510		; pud_index(__START_KERNEL_map)

extern startup_64

global startup_32, boot_magic, boot_mbi
global early_pgd, early_pud_low, early_pud_high, early_pmd

section .head.text progbits alloc exec nowrite align=16
bits 32
startup_32:
	cli
	cld
	mov	esp, early_stack_end
	mov	[boot_magic], eax
	mov	[boot_mbi], ebx
	call	early_serial_init

	cmp	dword [boot_magic], MB2_BOOTLOADER_MAGIC
	jne	.no_multiboot
	call	check_cpu
	call	build_early_page_tables

	mov	eax, early_pgd
	mov	cr3, eax
	mov	eax, cr4
	or	eax, X86_CR4_PAE | X86_CR4_PGE
	mov	cr4, eax
	mov	ecx, MSR_EFER
	rdmsr
	or	eax, EFER_LME | EFER_NX
	wrmsr
	mov	eax, cr0
	or	eax, X86_CR0_PG | X86_CR0_WP | X86_CR0_PE
	mov	cr0, eax

	lgdt	[early_gdt_desc]
	jmp	__KERNEL_CS:startup_64_low

.no_multiboot:
	mov	esi, msg_no_multiboot
	jmp	early_fail

; check_cpu: return only if the CPU can run a 64-bit kernel with NX.
check_cpu:
	pushfd				; CPUID exists if EFLAGS.ID can flip
	pop	eax
	mov	ecx, eax
	xor	eax, X86_EFLAGS_ID
	push	eax
	popfd
	pushfd
	pop	eax
	push	ecx
	popfd
	cmp	eax, ecx
	je	.no_cpuid

	mov	eax, 0x80000000
	cpuid
	cmp	eax, 0x80000001
	jb	.no_long_mode
	mov	eax, 0x80000001
	cpuid
	test	edx, 1 << 29		; LM
	jz	.no_long_mode
	test	edx, 1 << 20		; NX
	jz	.no_nx
	mov	eax, 1
	cpuid
	test	edx, 1 << 6		; PAE
	jz	.no_pae
	ret
.no_cpuid:
	mov	esi, msg_no_cpuid
	jmp	early_fail
.no_long_mode:
	mov	esi, msg_no_long_mode
	jmp	early_fail
.no_nx:
	mov	esi, msg_no_nx
	jmp	early_fail
.no_pae:
	mov	esi, msg_no_pae
	jmp	early_fail

; build_early_page_tables: the three aliases of the first GiB drawn above.
build_early_page_tables:
	mov	eax, early_pud_low + PTE_PRESENT_RW
	mov	[early_pgd], eax
	mov	[early_pgd + PGD_DIRECT_MAP * 8], eax
	mov	eax, early_pud_high + PTE_PRESENT_RW
	mov	[early_pgd + PGD_KERNEL_MAP * 8], eax
	mov	eax, early_pmd + PTE_PRESENT_RW
	mov	[early_pud_low], eax
	mov	[early_pud_high + PUD_KERNEL_MAP * 8], eax

	mov	edi, early_pmd
	mov	eax, PMD_LARGE
	mov	ecx, 512
.next_pmd:
	mov	[edi], eax
	mov	dword [edi + 4], 0
	add	eax, 0x200000
	add	edi, 8
	loop	.next_pmd
	ret

; early_serial_init: COM1 at 115200 8N1, FIFOs on.
early_serial_init:
	mov	dx, COM1 + 1
	xor	al, al
	out	dx, al			; no interrupts
	mov	dx, COM1 + 3
	mov	al, 0x80
	out	dx, al			; DLAB on
	mov	dx, COM1
	mov	al, 1
	out	dx, al			; divisor 1: 115200 baud
	mov	dx, COM1 + 1
	xor	al, al
	out	dx, al
	mov	dx, COM1 + 3
	mov	al, 0x03
	out	dx, al			; 8N1, DLAB off
	mov	dx, COM1 + 2
	mov	al, 0xc7
	out	dx, al			; FIFO on, cleared
	mov	dx, COM1 + 4
	mov	al, 0x0b
	out	dx, al			; DTR, RTS, OUT2
	ret

; early_fail: print the string at ESI on COM1 and the VGA screen, then halt.
early_fail:
	mov	edi, VGA_TEXT
.next:
	lodsb
	test	al, al
	jz	.halt
	mov	ah, 0x4f		; white on red
	mov	[edi], ax
	add	edi, 2
	mov	bl, al
	mov	dx, COM1 + 5
.wait:
	in	al, dx
	test	al, 0x20		; transmitter holding register empty
	jz	.wait
	mov	al, bl
	mov	dx, COM1
	out	dx, al
	jmp	.next
.halt:
	cli
	hlt
	jmp	.halt

bits 64
startup_64_low:
	mov	rax, startup_64
	jmp	rax

section .head.data progbits alloc noexec write align=4096
early_pgd:	times 512 dq 0
early_pud_low:	times 512 dq 0
early_pud_high:	times 512 dq 0
early_pmd:	times 512 dq 0
early_stack:	times 256 dd 0
early_stack_end:

boot_magic:	dd 0
boot_mbi:	dd 0

	align 8
early_gdt:
	dq 0				; null
	dq 0x00cf9a000000ffff		; 1: __KERNEL32_CS
	dq 0x00af9a000000ffff		; 2: __KERNEL_CS, long mode
	dq 0x00cf92000000ffff		; 3: __KERNEL_DS
early_gdt_end:
early_gdt_desc:
	dw early_gdt_end - early_gdt - 1
	dq early_gdt

msg_no_multiboot:	db "dissect: not started by a multiboot2 boot loader; halting.", 13, 10, 0
msg_no_cpuid:		db "dissect: this CPU has no CPUID instruction; halting.", 13, 10, 0
msg_no_long_mode:	db "dissect: this CPU cannot run 64-bit code (no long mode); halting.", 13, 10, 0
msg_no_nx:		db "dissect: this CPU has no NX (no-execute) bit; halting.", 13, 10, 0
msg_no_pae:		db "dissect: this CPU has no PAE; halting.", 13, 10, 0

