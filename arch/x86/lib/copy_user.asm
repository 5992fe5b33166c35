; SPDX-License-Identifier: GPL-2.0
;
; copy_user_generic(dst, src, len) -> bytes NOT copied (0 on success)
;
; The one routine through which the kernel touches memory that may not be
; there: user buffers (copy_from_user / copy_to_user, after the caller has
; opened user access with STAC) and kernel probes (copy_from_kernel_nofault).
; If "rep movsb" faults, the exception table sends the CPU to .fault with
; RCX = the bytes still to copy.  Linux: arch/x86/lib/copy_user_64.S.

section .text
bits 64

global copy_user_generic
copy_user_generic:
	mov	rcx, rdx
.copy:
	rep movsb
	xor	eax, eax
	ret
.fault:
	mov	rax, rcx
	ret

section __ex_table progbits alloc noexec nowrite align=8
	dq copy_user_generic.copy, copy_user_generic.fault
