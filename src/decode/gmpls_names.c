/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gmpls_names.c: RFC 3471's GMPLS names, with the G.709 encodings tcpdump 4.99 adds (RFC 4328). */
#include "config.h"

#include "decode/gmpls_names.h"

const struct msg_tok gmpls_link_prot[] = {
	{ 0x01, "Extra Traffic" }, { 0x02, "Unprotected" },   { 0x04, "Shared" },
	{ 0x08, "Dedicated 1:1" }, { 0x10, "Dedicated 1+1" }, { 0x20, "Enhanced" },
	{ 0x40, "Reserved" },	   { 0x80, "Reserved" },      { 0, NULL },
};

const struct msg_tok gmpls_switch_caps[] = {
	{ 1, "Packet-Switch Capable-1" }, { 2, "Packet-Switch Capable-2" },
	{ 3, "Packet-Switch Capable-3" }, { 4, "Packet-Switch Capable-4" },
	{ 51, "Layer-2 Switch Capable" }, { 100, "Time-Division-Multiplex" },
	{ 150, "Lambda-Switch Capable" }, { 200, "Fiber-Switch Capable" },
	{ 0, NULL },
};

const struct msg_tok gmpls_encodings[] = {
	{ 1, "Packet" },
	{ 2, "Ethernet V2/DIX" },
	{ 3, "ANSI/ETSI PDH" },
	{ 4, "Reserved" },
	{ 5, "SDH ITU-T G.707/SONET ANSI T1.105" },
	{ 6, "Reserved" },
	{ 7, "Digital Wrapper" },
	{ 8, "Lambda (photonic)" },
	{ 9, "Fiber" },
	{ 10, "Reserved" },
	{ 11, "FiberChannel" },
	{ 12, "G.709 ODUk (Digital Path)" },
	{ 13, "G.709 Optical Channel" },
	{ 0, NULL },
};
