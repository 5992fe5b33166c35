; SPDX-License-Identifier: GPL-2.0
;
; Entry from interrupts and exceptions (Linux: arch/x86/entry/entry_64.S).
;
; Each of the 256 stubs makes the stack look the same -- an error code
; (the CPU's, or 0 for vectors that have none) under the vector number --
; and jumps to common_entry, which closes user access (ASM_CLAC), turns it
; into a struct pt_regs and calls do_idt_entry(regs, vector).  Coming from
; user mode, SWAPGS exchanges the user's GS base for the kernel's on the
; way in and back on the way out.
;
;   stack at common_entry:          struct pt_regs built from it:
;     ss, rsp, rflags, cs, rip        ... ip, cs, flags, sp, ss (CPU)
;     error code                      orig_ax
;     vector            <- rsp        di (the vector's slot is reused)
;                                     si, dx, cx, ax, r8 .. r15

section .entry.text progbits alloc exec nowrite align=16
bits 64
default rel

%include "arch/x86/include/asm/processor.inc"

; ASM_CLAC: close the kernel's access to user pages (EFLAGS.AC = 0 with
; SMAP).  User mode may set AC (popf), and an interrupt or exception does
; not clear it as SYSCALL does (MSR_SYSCALL_MASK), so every entry from the
; IDT must.  Linux patches a clac in at boot on CPUs with SMAP
; (alternatives); dissect tests the feature bit.  Clobbers the flags.
extern boot_cpu_data
%macro ASM_CLAC 0
	test	dword [boot_cpu_data + CPUINFO_features], 1 << X86_FEATURE_SMAP_BIT
	jz	%%no_smap
	clac
%%no_smap:
%endmacro

; PUSH_REGS_AFTER_AX: the rest of a struct pt_regs below its ax slot
; (Linux: PUSH_AND_CLEAR_REGS); both entries use it.
%macro PUSH_REGS_AFTER_AX 0
	push	r8
	push	r9
	push	r10
	push	r11
	push	rbx
	push	rbp
	push	r12
	push	r13
	push	r14
	push	r15
%endmacro

extern do_idt_entry, __switch_to, schedule_tail
global idt_entry_stubs, ret_from_exception, __switch_to_asm, ret_from_fork

; vectors whose exceptions push an error code themselves
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

%assign v 0
%rep 256
	align 16
idt_stub_ %+ v:
%if !HAS_ERROR_CODE(v)
	push	0
%endif
	push	v
	jmp	common_entry
%assign v v + 1
%endrep

	align 16
common_entry:
	ASM_CLAC
	test	qword [rsp + 24], 3	; cs: from user mode?
	jz	.from_kernel
	swapgs
.from_kernel:
	push	rsi
	mov	rsi, [rsp + 8]		; the vector, second argument
	mov	[rsp + 8], rdi		; its slot becomes pt_regs->di
	push	rdx
	push	rcx
	push	rax
	PUSH_REGS_AFTER_AX
	cld
	mov	rdi, rsp		; struct pt_regs *
	call	do_idt_entry
ret_from_exception:
	pop	r15
	pop	r14
	pop	r13
	pop	r12
	pop	rbp
	pop	rbx
	pop	r11
	pop	r10
	pop	r9
	pop	r8
	pop	rax
	pop	rcx
	pop	rdx
	pop	rsi
	pop	rdi
	add	rsp, 8			; orig_ax
	test	qword [rsp + 8], 3	; returning to user mode?
	jz	.to_kernel
	swapgs
.to_kernel:
	iretq

section .rodata
	align 8
idt_entry_stubs:
%assign v 0
%rep 256
	dq idt_stub_ %+ v
%assign v v + 1
%endrep

; __switch_to_asm(prev, next): the stack switch (Linux: the same name).
; Saves prev's callee-saved registers on its stack and its rsp in
; prev->thread.sp (offset 0 of task_struct), loads next's, restores its
; registers and tail-calls __switch_to(prev, next) on next's stack, whose
; return value -- prev -- lands wherever next last called switch_to().
section .text
	align 16
__switch_to_asm:
	push	rbp
	push	rbx
	push	r12
	push	r13
	push	r14
	push	r15
	mov	[rdi], rsp		; prev->thread.sp
	mov	rsp, [rsi]		; next->thread.sp
	pop	r15
	pop	r14
	pop	r13
	pop	r12
	pop	rbx
	pop	rbp
	jmp	__switch_to

; ret_from_fork: where a new task starts (copy_thread set it up).
; rax = prev (from __switch_to), rbx = fn or 0, r12 = arg.  A kernel
; thread runs fn(arg); if fn returns (kernel_init after a successful
; exec), or for a forked user task at once, return to user mode through
; the pt_regs at the top of the stack.
	align 16
ret_from_fork:
	mov	rdi, rax
	call	schedule_tail
	test	rbx, rbx
	jz	.to_user
	mov	rdi, r12
	call	rbx
.to_user:
	mov	rdi, rsp		; the pt_regs
	call	syscall_exit_to_user_mode
	jmp	ret_from_exception
extern syscall_exit_to_user_mode

; entry_SYSCALL_64: the SYSCALL instruction lands here (MSR_LSTAR), in
; ring 0 with interrupts off (MSR_SYSCALL_MASK), rcx = user rip,
; r11 = user rflags, and still on the user's stack.  Arguments are in
; rdi, rsi, rdx, r10, r8, r9 and the number in rax (Linux's ABI).
; SWAPGS gives us pcpu_hot, whose top_of_stack is this task's kernel
; stack; there we build a struct pt_regs and call do_syscall_64(regs).
; The way back is the same as for interrupts (iretq).
%include "arch/x86/include/asm/current.inc"
extern do_syscall_64
global entry_SYSCALL_64
	align 16
entry_SYSCALL_64:
	swapgs
	mov	[gs:PCPU_user_rsp], rsp
	mov	rsp, [gs:PCPU_top_of_stack]
	push	0x2b			; ss: __USER_DS
	push	qword [gs:PCPU_user_rsp] ; sp
	push	r11			; flags
	push	0x33			; cs: __USER_CS
	push	rcx			; ip
	push	rax			; orig_ax: the system call number
	push	rdi
	push	rsi
	push	rdx
	push	rcx
	push	-38			; ax: -ENOSYS until a handler says otherwise
	PUSH_REGS_AFTER_AX
	xor	ebp, ebp		; the end of kernel backtraces
	mov	rdi, rsp
	call	do_syscall_64
	jmp	ret_from_exception
