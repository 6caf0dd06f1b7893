/* rabbitmq-c 0.11 (Debian 12): headers live at the top of /usr/include; the rabbitmq-c/ prefix is 0.12+. */
#ifndef FLEETWATCH_CRABBITMQ_SHIM_H
#define FLEETWATCH_CRABBITMQ_SHIM_H
#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <amqp_ssl_socket.h>

/* amqp_login_with_properties is C-variadic, which Swift cannot call: a fixed-arity wrapper for PLAIN. */
static inline amqp_rpc_reply_t crmq_login_plain(amqp_connection_state_t c, const char *vhost, int channel_max,
    int frame_max, int heartbeat, const amqp_table_t *props, const char *user, const char *pass) {
  return amqp_login_with_properties(c, vhost, channel_max, frame_max, heartbeat, props, AMQP_SASL_METHOD_PLAIN,
                                    user, pass);
}
#endif
