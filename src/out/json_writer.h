/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json_writer.h: a streaming JSON writer that always emits valid JSON and valid UTF-8. */
#ifndef SOCKEYE_JSON_WRITER_H
#define SOCKEYE_JSON_WRITER_H
/* (the formatter helper fills this in) */
#endif
