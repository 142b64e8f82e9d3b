// kernel/include/rtos/kernel_arch.h: the few arch facts the public header must know: how much
// room a thread's saved context takes inside struct k_thread, how stacks are aligned, and how
// much a port adds to each stack (K_STACK_SIZE). Everything else about a port is private
// (kernel/internal/arch.h).
// Host port: each kernel thread runs on a pthread whose stack *is* the caller's stack memory,
// so the host reserve covers glibc's thread descriptor + TLS (placed at the top of the stack)
// and the larger frames of an -O0 / sanitizer build.
#ifndef RTOS_KERNEL_ARCH_H
#define RTOS_KERNEL_ARCH_H

#include "rtos/kernel_config.h"

// 1 when building with AddressSanitizer (gcc and clang spell it differently).
#if defined(__SANITIZE_ADDRESS__)
#define K_ARCH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define K_ARCH_ASAN 1
#endif // __has_feature(address_sanitizer)
#endif // ASan detection
#ifndef K_ARCH_ASAN
#define K_ARCH_ASAN 0
#endif // K_ARCH_ASAN

#if K_CFG_ARCH_POSIX
// pthread handle, condition variable and jmp_buf of the host thread (checked by the port).
#define K_ARCH_THREAD_WORDS 64
#define K_STACK_ALIGN 64
#if K_ARCH_ASAN
#define K_ARCH_STACK_RESERVE (192u * 1024u)
#define K_ARCH_STACK_MIN (64u * 1024u)
#else
#define K_ARCH_STACK_RESERVE (64u * 1024u)
#define K_ARCH_STACK_MIN (32u * 1024u)
#endif // K_ARCH_ASAN
#else
// Cortex-M: the saved process stack pointer (registers live on the thread's own stack).
// Stacks are aligned to 32 so that the MPU can guard their lowest 32 bytes.
#define K_ARCH_THREAD_WORDS 1
#define K_STACK_ALIGN 32
#define K_ARCH_STACK_RESERVE 0u
#define K_ARCH_STACK_MIN 256u
#endif // K_CFG_ARCH_POSIX

#endif // RTOS_KERNEL_ARCH_H
