; SPDX-License-Identifier: GPL-2.0
; setjmp(env) -> 0 now, or longjmp's value later; see include/setjmp.h.

section .text
bits 64

global setjmp, longjmp

setjmp:
	mov	[rdi + 0], rbx
	mov	[rdi + 8], rbp
	mov	[rdi + 16], r12
	mov	[rdi + 24], r13
	mov	[rdi + 32], r14
	mov	[rdi + 40], r15
	lea	rdx, [rsp + 8]		; the caller's rsp after our return
	mov	[rdi + 48], rdx
	mov	rdx, [rsp]		; our return address
	mov	[rdi + 56], rdx
	xor	eax, eax
	ret

longjmp:
	mov	eax, esi
	test	eax, eax
	jnz	.nonzero
	inc	eax			; longjmp(env, 0) returns 1
.nonzero:
	mov	rbx, [rdi + 0]
	mov	rbp, [rdi + 8]
	mov	r12, [rdi + 16]
	mov	r13, [rdi + 24]
	mov	r14, [rdi + 32]
	mov	r15, [rdi + 40]
	mov	rsp, [rdi + 48]
	jmp	[rdi + 56]
