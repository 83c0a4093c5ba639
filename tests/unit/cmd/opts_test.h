/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts_test.h: helpers the option parsers' tests share: argv, getopt reset, output capture. */
#ifndef SOCKEYE_TEST_CMD_OPTS_TEST_H
#define SOCKEYE_TEST_CMD_OPTS_TEST_H

#include <getopt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/cmd.h"
#include "util/log.h"

/* Arguments a test's argv holds, the command name included; one more slot ends it. */
#define OPTS_TEST_MAX_ARGS 32

/*
 * Fills argv as main hands it to a command: name, then ap's strings up to
 * their NULL, then NULL; returns argc. More than the room fails the test:
 * a silently shortened argv would test another command line.
 */
static inline int opts_test_argv(char *argv[OPTS_TEST_MAX_ARGS + 1], char *name, va_list ap)
{
	int argc = 0;

	argv[argc++] = name;
	for (char *a; (a = va_arg(ap, char *));) {
		assert_true(argc < OPTS_TEST_MAX_ARGS);
		argv[argc++] = a;
	}
	argv[argc] = NULL;
	return argc;
}

/*
 * Starts a parse as main.c starts a command: no global options left from
 * an earlier parse, messages named after the command, optind 0 so glibc
 * re-initializes getopt, and opterr 0 because the command says what is wrong.
 */
static inline void opts_test_reset(const char *name)
{
	memset(&cmd_globals, 0, sizeof(cmd_globals));
	log_set_command(name);
	optind = 0;
	opterr = 0;
}

/* A stream sent to a temporary file, and its descriptor as it was. */
struct opts_capture {
	FILE *stream;
	FILE *tmp;
	int saved;
};

/*
 * Sends what stream writes to a temporary file. The descriptor is
 * redirected, not the FILE, so output that bypasses stdio is kept too;
 * stream is flushed first so nothing written before lands in the file.
 */
static inline void opts_capture_begin(struct opts_capture *c, FILE *stream)
{
	c->stream = stream;
	c->tmp = tmpfile();
	assert_non_null(c->tmp);
	c->saved = dup(fileno(stream));
	assert_true(c->saved >= 0);
	fflush(stream);
	assert_true(dup2(fileno(c->tmp), fileno(stream)) >= 0);
}

/* Puts the stream back and leaves what it wrote meanwhile in buf, cut to len - 1 and ended. */
static inline void opts_capture_end(struct opts_capture *c, char *buf, size_t len)
{
	size_t n;

	fflush(c->stream);
	dup2(c->saved, fileno(c->stream));
	close(c->saved);
	rewind(c->tmp);
	n = fread(buf, 1, len - 1, c->tmp);
	buf[n] = '\0';
	fclose(c->tmp);
}

#endif
