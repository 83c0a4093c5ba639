/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vsock.h: the sizes of Linux vsockmon's headers, for the printer and the JSON view. */
#ifndef SOCKEYE_PROTO_VSOCK_H
#define SOCKEYE_PROTO_VSOCK_H

#include <stdint.h>

#include "decode/pkt.h"

#define VSOCK_HDR_LEN	     32 /* struct af_vsockmon_hdr */
#define VSOCK_VIRTIO_HDR_LEN 44 /* struct virtio_vsock_hdr */

/* The length of a transport's header after vsockmon's: virtio's, 0 for the others. */
uint32_t proto_vsock_transport_len(uint16_t transport);

#endif /* SOCKEYE_PROTO_VSOCK_H */
