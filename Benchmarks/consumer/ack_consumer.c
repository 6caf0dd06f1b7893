/*
 * The baseline of scripts/bench-consumer: a minimal rabbitmq-c consumer that only acknowledges.
 * Same settings as fleetwatch's consumer: manual acks, basic.qos prefetch, multi-ack every prefetch/2
 * deliveries and whenever the stream goes quiet. It does not look at the bodies.
 *
 *   ack_consumer [--stream] HOST PORT VHOST USER QUEUE COUNT PREFETCH [ACK_BATCH]   (password from AMQP_PASSWORD)
 *
 * ACK_BATCH overrides the batching, for experiments that change fleetwatch's `--ack-batch` too.
 * --stream reads a RabbitMQ stream (x-queue-type: stream) from its first offset, as fleetwatch's dashboard does
 * when it catches up (scripts/bench-catch-up): basic.consume with the argument x-stream-offset = "first". The
 * per-consumer prefetch (basic.qos, global false) and the acks, which a stream requires as its credit, are the
 * same as for a classic queue.
 *
 * Prints "EVENTS SECONDS CPU_SECONDS" (first delivery to the COUNT-th; CPU of the whole process) on stdout.
 */
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die_on_reply(amqp_rpc_reply_t r, const char *what) {
  if (r.reply_type != AMQP_RESPONSE_NORMAL) {
    fprintf(stderr, "ack_consumer: %s failed (reply type %d)\n", what, r.reply_type);
    exit(1);
  }
}

int main(int argc, char **argv) {
  int stream = argc > 1 && strcmp(argv[1], "--stream") == 0;
  if (stream) {
    argv++;
    argc--;
  }
  if (argc != 8 && argc != 9) {
    fprintf(stderr, "usage: ack_consumer [--stream] HOST PORT VHOST USER QUEUE COUNT PREFETCH [ACK_BATCH]\n");
    return 2;
  }
  const char *host = argv[1], *vhost = argv[3], *user = argv[4], *queue = argv[5];
  int port = atoi(argv[2]);
  long count = atol(argv[6]);
  int prefetch = atoi(argv[7]);
  const char *password = getenv("AMQP_PASSWORD") ? getenv("AMQP_PASSWORD") : "guest";
  int batch = prefetch / 2 > 100 ? 100 : (prefetch / 2 > 0 ? prefetch / 2 : 1);
  if (argc == 9 && atoi(argv[8]) > 0) batch = atoi(argv[8]);

  amqp_connection_state_t c = amqp_new_connection();
  amqp_socket_t *socket = amqp_tcp_socket_new(c);
  if (!socket || amqp_socket_open(socket, host, port) != AMQP_STATUS_OK) {
    fprintf(stderr, "ack_consumer: cannot connect to %s:%d\n", host, port);
    return 1;
  }
  die_on_reply(amqp_login(c, vhost, 0, 131072, 15, AMQP_SASL_METHOD_PLAIN, user, password), "login");
  amqp_channel_open(c, 1);
  die_on_reply(amqp_get_rpc_reply(c), "channel.open");
  amqp_basic_qos(c, 1, 0, (uint16_t)prefetch, 0);
  die_on_reply(amqp_get_rpc_reply(c), "basic.qos");
  amqp_table_entry_t offset = {.key = amqp_cstring_bytes("x-stream-offset"),
                               .value = {.kind = AMQP_FIELD_KIND_UTF8, .value = {.bytes = amqp_cstring_bytes("first")}}};
  amqp_table_t arguments = stream ? (amqp_table_t){.num_entries = 1, .entries = &offset} : amqp_empty_table;
  amqp_basic_consume(c, 1, amqp_cstring_bytes(queue), amqp_empty_bytes, 0, 0, 0, arguments);
  die_on_reply(amqp_get_rpc_reply(c), "basic.consume");

  long received = 0, unacked = 0;
  uint64_t last_tag = 0;
  double first = 0, last = 0;
  while (received < count) {
    amqp_envelope_t envelope;
    struct timeval timeout = {0, 100000};
    amqp_maybe_release_buffers(c);
    amqp_rpc_reply_t r = amqp_consume_message(c, &envelope, &timeout, 0);
    if (r.reply_type == AMQP_RESPONSE_NORMAL) {
      if (received == 0) first = now();
      received++;
      last_tag = envelope.delivery_tag;
      amqp_destroy_envelope(&envelope);
      if (++unacked >= batch) {
        if (amqp_basic_ack(c, 1, last_tag, 1) != AMQP_STATUS_OK) { fprintf(stderr, "ack failed\n"); return 1; }
        unacked = 0;
      }
      last = now();
    } else if (r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && r.library_error == AMQP_STATUS_TIMEOUT) {
      if (unacked > 0) {
        amqp_basic_ack(c, 1, last_tag, 1);
        unacked = 0;
      }
    } else {
      fprintf(stderr, "ack_consumer: consume failed (reply type %d, status %d)\n", r.reply_type, r.library_error);
      return 1;
    }
  }
  if (unacked > 0) amqp_basic_ack(c, 1, last_tag, 1);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  double cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  printf("%ld %.6f %.3f\n", received, last - first, cpu);
  amqp_channel_close(c, 1, AMQP_REPLY_SUCCESS);
  amqp_connection_close(c, AMQP_REPLY_SUCCESS);
  amqp_destroy_connection(c);
  return 0;
}
