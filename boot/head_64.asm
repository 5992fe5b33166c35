; SPDX-License-Identifier: GPL-2.0
;
; startup_64: the first code at the kernel's own higher-half address
; (Linux: arch/x86/kernel/head_64.S).  startup_32 (boot/head_32.asm) jumps
; here in long mode with the boot page tables loaded.  It loads the data
; segments, clears .bss, takes the init stack and calls
; start_kernel(magic, multiboot information).

%include "boot/boot.inc"

extern start_kernel, boot_magic, boot_mbi
extern __bss_start, __bss_stop

global startup_64, init_stack, init_stack_end

section .text
bits 64
default rel
startup_64:
	mov	ax, __KERNEL_DS
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	xor	eax, eax
	mov	fs, ax
	mov	gs, ax

	lea	rdi, [__bss_start]
	lea	rcx, [__bss_stop]
	sub	rcx, rdi
	shr	rcx, 3
	xor	eax, eax
	rep stosq

	lea	rsp, [init_stack_end]
	xor	ebp, ebp		; the end of every backtrace
	mov	edi, [abs boot_magic]	; in the head, still identity-mapped
	mov	esi, [abs boot_mbi]
	call	start_kernel
.halt:
	cli
	hlt
	jmp	.halt

; The stack of init_task (pid 0), in .bss so it survives free_initmem().
section .bss.init_stack nobits alloc noexec write align=THREAD_SIZE
init_stack:	resb THREAD_SIZE
init_stack_end:
