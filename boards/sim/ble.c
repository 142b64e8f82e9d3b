// boards/sim/ble.c: the simulated board's Bluetooth LE radio chip: the virtual controller
// (ble/ctrl) on the far end of UART 3, speaking H4 at 1 Mbaud, as a real MCU talks to a radio
// chip. Its radio joins the medium rtpy-air (`rtpy --air=SOCKET`, docs/ble.md); without one
// it transmits to nobody. `--btsnoop=FILE` records the HCI traffic on the line.
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdio.h>
#include <string.h>

#include "ble/air_client.h"
#include "ble/btsnoop.h"
#include "ble/ctrl/ctrl.h"
#include "ble/h4.h"
#include "ble/hci.h"
#include "boards/sim/board_sim.h"
#include "boards/sim/sim_priv.h"

#define TO_CTRL_BYTES 4096u

static struct {
    struct ctrl ctrl;
    struct h4_reader reader; // bytes from the host
    uint8_t reader_buf[1 + HCI_ACL_HDR + CTRL_ACL_LEN];
    uint8_t line[TO_CTRL_BYTES]; // bytes on their way to the controller
    size_t line_len;
    uint64_t line_busy_ns; // the last of them arrives then
    struct k_sim_irq line_irq;
    FILE *snoop;
    uint8_t addr[6];
} B;

static uint64_t snoop_time_us(void) { // as time.time(): 2000-01-01 + uptime in virtual time
    return 946684800000000ull + k_sim_now_ns() / 1000u;
}

// The controller's H4 packets go down the line to the host's UART.
static void to_host(void *arg, const uint8_t *pkt, size_t n) {
    (void)arg;
    if (B.snoop) {
        (void)btsnoop_write(B.snoop, true, pkt, n, snoop_time_us());
    }
    (void)board_sim_uart_feed(SIM_UART_BLE, pkt, n);
}

static void snoop_sent(const uint8_t *pkt, size_t n) {
    if (B.snoop) {
        (void)btsnoop_write(B.snoop, false, pkt, n, snoop_time_us());
    }
}

// The bytes written so far have crossed the line: the controller reads them.
static void line_isr(void *arg) {
    (void)arg;
    ctrl_h4_input(&B.ctrl, &B.reader, B.line, B.line_len, snoop_sent);
    B.line_len = 0;
}

static void from_host(const uint8_t *buf, size_t n, void *arg) {
    (void)arg;
    unsigned key = k_irq_lock();
    if (B.line_len + n > sizeof B.line) { // the host outruns a 1 Mbaud line by 4 KB: lost
        n = sizeof B.line - B.line_len;
    }
    memcpy(B.line + B.line_len, buf, n);
    B.line_len += n;
    uint64_t now = k_sim_now_ns();
    B.line_busy_ns = (B.line_busy_ns > now ? B.line_busy_ns : now) + (uint64_t)n * (10000000000ull / SIM_BLE_BAUD);
    k_sim_irq_at(&B.line_irq, B.line_busy_ns);
    k_irq_unlock(key);
}

static void radio_tx(void *arg, const struct air_pkt *p) {
    (void)arg;
    if (air_joined()) {
        (void)air_send(p);
    }
}

static void radio_rx(const struct air_rx *rx, void *arg) {
    (void)arg;
    ctrl_radio_rx(&B.ctrl, rx);
}

void board_sim_ble_init(void) {
    struct ctrl_cfg cfg = {.seed = 0, .to_host = to_host, .radio_tx = radio_tx};
    if (!B.addr[5]) { // a static random address unless --air gave one (board_sim_ble_join)
        static const uint8_t def[6] = {0x01, 0x00, 'y', 'p', 't', 0xC2}; // (0xC0: static random)
        memcpy(B.addr, def, 6);
    }
    memcpy(cfg.addr, B.addr, 6);
    for (int i = 0; i < 6; i++) {
        cfg.seed = cfg.seed * 131u + B.addr[i];
    }
    ctrl_init(&B.ctrl, &cfg);
    h4_reader_init(&B.reader, B.reader_buf, sizeof B.reader_buf, true, true, false);
    k_sim_irq_init(&B.line_irq, line_isr, NULL);
    k_sim_irq_set_name(&B.line_irq, "ble line");
    B.line_len = 0;
    B.line_busy_ns = 0;
    board_sim_uart_set_peer(SIM_UART_BLE, from_host, NULL);
}

int board_sim_ble_join(const char *socket_path, const char *name, double x, double y) {
    ctrl_addr_from_name(name, B.addr); // each named board its own address
    board_sim_ble_init();
    struct air_device_cfg cfg = {.x_m = x, .y_m = y, .tx_dbm = 0, .name = name};
    int rc = air_join(socket_path, &cfg);
    if (rc != 0) {
        fprintf(stderr, "rtpy: can't join the air at '%s': %s\n", socket_path, strerror(-rc));
        return -1;
    }
    air_set_receiver(radio_rx, NULL);
    return 0;
}

int board_sim_ble_btsnoop(const char *path) {
    B.snoop = btsnoop_open(path);
    if (!B.snoop) {
        fprintf(stderr, "rtpy: can't write btsnoop file '%s'\n", path);
        return -1;
    }
    return 0;
}
