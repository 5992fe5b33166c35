/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

void setup_arch(char **cmdline_p, unsigned int magic, unsigned long mbi_phys);

#endif /* _ASM_X86_SETUP_H */
