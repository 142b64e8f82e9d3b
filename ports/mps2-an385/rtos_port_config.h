// ports/mps2-an385/rtos_port_config.h: kernel options for the MPS2 AN385 firmware (read first
// by kernel/include/rtos/kernel_config.h). The rest are the kernel's defaults.
#ifndef PORTS_MPS2_AN385_RTOS_PORT_CONFIG_H
#define PORTS_MPS2_AN385_RTOS_PORT_CONFIG_H

#define K_CFG_CM_CPU_HZ 25000000u  // AN385 system clock
#define K_CFG_CM_PRIO_BITS 3       // Cortex-M3 on the AN385: 8 priority levels
#define K_CFG_STACK_GUARD_BYTES 32 // one MPU region (K_CFG_CM_MPU_GUARD)
#define K_CFG_IDLE_STACK_SIZE 256  // the idle thread only runs WFI (handlers use the MSP)

#endif // PORTS_MPS2_AN385_RTOS_PORT_CONFIG_H
