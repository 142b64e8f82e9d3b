// kernel/include/rtos/kernel_config.h: the kernel's compile-time options and their defaults.
// A port or board may provide <rtos_port_config.h> on its include path; it is read first and
// may set any K_CFG_* option. Feature options are 0 or 1 (tested with #if under -Wundef);
// sizes and rates are plain numbers. Each comment gives the option's flash/RAM cost.
// Non-goal: run-time configuration lives in struct k_config (tick rate, slice, sim mode).
#ifndef RTOS_KERNEL_CONFIG_H
#define RTOS_KERNEL_CONFIG_H

#if defined(__has_include)
#if __has_include(<rtos_port_config.h>)
#include <rtos_port_config.h>
#endif // __has_include(<rtos_port_config.h>)
#endif // defined(__has_include)

// Which arch port is built. The host simulation is chosen on hosted (Linux/macOS) builds.
#ifndef K_CFG_ARCH_POSIX
#if defined(__linux__) || defined(__APPLE__)
#define K_CFG_ARCH_POSIX 1
#else
#define K_CFG_ARCH_POSIX 0
#endif // hosted
#endif // K_CFG_ARCH_POSIX

// Argument checks on every public call (NULL objects, out-of-range priorities, bad sizes).
// Cost: about 1 KB of flash on Cortex-M. 0 removes the checks entirely.
#ifndef K_CFG_ARG_CHECK
#define K_CFG_ARG_CHECK 1
#endif // K_CFG_ARG_CHECK

// 1: a failed argument check calls k_panic(K_PANIC_BAD_ARG) (an assert); 0: the call returns
// -EINVAL (or does nothing, for calls that return no status). No RAM; a few bytes per check.
#ifndef K_CFG_ARG_CHECK_PANIC
#define K_CFG_ARG_CHECK_PANIC 0
#endif // K_CFG_ARG_CHECK_PANIC

// Stack overflow check at every context switch: the lowest K_CFG_STACK_GUARD_BYTES of the
// outgoing thread's stack must still hold the paint pattern, else k_panic. ~40 bytes of
// flash, a few cycles per switch.
#ifndef K_CFG_STACK_CHECK
#define K_CFG_STACK_CHECK 1
#endif // K_CFG_STACK_CHECK

#ifndef K_CFG_STACK_GUARD_BYTES
#define K_CFG_STACK_GUARD_BYTES 16
#endif // K_CFG_STACK_GUARD_BYTES

// Context-switch trace hook (k_trace_set_switch_hook). 8 bytes of RAM, one test per switch.
#ifndef K_CFG_TRACE
#define K_CFG_TRACE 1
#endif // K_CFG_TRACE

// Defaults for struct k_config (see k_config_default).
#ifndef K_CFG_TICK_HZ
#define K_CFG_TICK_HZ 1000
#endif // K_CFG_TICK_HZ

#ifndef K_CFG_TIMESLICE_TICKS
#define K_CFG_TIMESLICE_TICKS 10
#endif // K_CFG_TIMESLICE_TICKS

// Host simulation only: virtual nanoseconds charged for each kernel call made from a thread,
// so that a thread polling the kernel still lets virtual time (and timers) advance.
#ifndef K_CFG_SIM_CALL_COST_NS
#define K_CFG_SIM_CALL_COST_NS 200
#endif // K_CFG_SIM_CALL_COST_NS

// Priority of the timer service thread, which also serves the system work queue.
// The highest priority by default, as timer callbacks are expected to be short.
#ifndef K_CFG_TIMER_PRIO
#define K_CFG_TIMER_PRIO 31
#endif // K_CFG_TIMER_PRIO

// Stack sizes of the kernel's own threads, in bytes, before the arch reserve is added.
#ifndef K_CFG_TIMER_STACK_SIZE
#define K_CFG_TIMER_STACK_SIZE 1024
#endif // K_CFG_TIMER_STACK_SIZE

#ifndef K_CFG_IDLE_STACK_SIZE
#define K_CFG_IDLE_STACK_SIZE 512
#endif // K_CFG_IDLE_STACK_SIZE

#if K_CFG_TIMER_PRIO < 0 || K_CFG_TIMER_PRIO > 31
#error "K_CFG_TIMER_PRIO must be a thread priority (0..31)"
#endif // K_CFG_TIMER_PRIO range

#if K_CFG_ARG_CHECK_PANIC && !K_CFG_ARG_CHECK
#error "K_CFG_ARG_CHECK_PANIC needs K_CFG_ARG_CHECK"
#endif // K_CFG_ARG_CHECK_PANIC

#if K_CFG_STACK_GUARD_BYTES < 4
#error "K_CFG_STACK_GUARD_BYTES must be at least 4"
#endif // K_CFG_STACK_GUARD_BYTES

#endif // RTOS_KERNEL_CONFIG_H
