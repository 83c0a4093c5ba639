/* SPDX-License-Identifier: GPL-2.0-or-later */
/* webconfig.c: the exporter-toolkit web config read with libyaml; passwords checked with crypt(3). */
#include "config.h"

#include <crypt.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "cmd/exporter/tls_suites.h"
#include "cmd/exporter/webconfig.h"
#include "kstat/kstat.h"

static const char *scalar(yaml_document_t *d, yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Where the files a config names are: its directory, and how to read them. */
struct named_files {
	const char *dir;		/* NULL: names as given */
	web_config_read_fn read;
};

/* Reads a file named in the config (relative to the config's directory) into *out. */
static int read_named(const struct named_files *files, const char *key, const char *name,
		      char **out, char *why, size_t len)
{
	char path[4096];
	size_t n;
	int err;

	if (name[0] == '/' || !files->dir)
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s/%s", files->dir, name);
	err = files->read(path, out, &n);
	if (err)
		snprintf(why, len, "%s: %s: %s", key, path, strerror(-err));
	return err;
}

/* A YAML boolean as yaml.v2 reads it (true/false in their usual spellings). */
static int parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes", "on" };
	static const char *const no[] = { "false", "False", "FALSE", "no", "off" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (!strcmp(v, yes[i]))
			return *out = true, 0;
		if (!strcmp(v, no[i]))
			return *out = false, 0;
	}
	return -EINVAL;
}

static int parse_client_auth(const char *v, enum web_client_auth *out)
{
	static const struct {
		const char *name;
		enum web_client_auth a;
	} names[] = {
		{ "NoClientCert", WEB_NO_CLIENT_CERT },
		{ "RequestClientCert", WEB_REQUEST_CLIENT_CERT },
		{ "RequireAnyClientCert", WEB_REQUIRE_ANY_CLIENT_CERT },
		{ "RequireClientCert", WEB_REQUIRE_ANY_CLIENT_CERT },	/* exporter-toolkit's old name */
		{ "VerifyClientCertIfGiven", WEB_VERIFY_CLIENT_CERT_IF_GIVEN },
		{ "RequireAndVerifyClientCert", WEB_REQUIRE_AND_VERIFY_CLIENT_CERT },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(v, names[i].name))
			return *out = names[i].a, 0;
	return -EINVAL;
}

/* cipher_suites: a sequence of Go's names, each known, into c->suites. */
static int load_suites(yaml_document_t *d, yaml_node_t *seq, struct web_config *c, char *why,
		       size_t len)
{
	size_t n;

	if (seq->type != YAML_SEQUENCE_NODE) {
		snprintf(why, len, "tls_server_config.cipher_suites: not a list");
		return -EINVAL;
	}
	n = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
	free(c->suites);
	c->nsuites = 0;
	c->suites = calloc(n + 1, sizeof(*c->suites));
	if (!c->suites)
		return -ENOMEM;
	for (yaml_node_item_t *it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++) {
		const char *name = scalar(d, yaml_document_get_node(d, *it));
		const struct tls_suite *su = name ? tls_suite_find(name) : NULL;

		if (!su) {
			/* Go's words, so the message reads the same from either exporter. */
			snprintf(why, len, "tls_server_config.cipher_suites: unknown cipher: %s",
				 name ? name : "(not a string)");
			return -EINVAL;
		}
		c->suites[c->nsuites++] = su;
	}
	return 0;
}

/* curve_preferences: a sequence of Go's curve names, into c->groups. */
static int load_curves(yaml_document_t *d, yaml_node_t *seq, struct web_config *c, char *why,
		       size_t len)
{
	size_t n;

	if (!seq || seq->type != YAML_SEQUENCE_NODE) {
		snprintf(why, len, "tls_server_config.curve_preferences: not a list");
		return -EINVAL;
	}
	n = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
	free(c->groups);
	c->ngroups = 0;
	c->groups = calloc(n + 1, sizeof(*c->groups));
	if (!c->groups)
		return -ENOMEM;
	for (yaml_node_item_t *it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++) {
		const char *name = scalar(d, yaml_document_get_node(d, *it));
		const char *g = name ? tls_curve_find(name) : NULL;

		if (!g) {
			/* exporter-toolkit's words. */
			snprintf(why, len, "tls_server_config.curve_preferences: unknown curve: %s",
				 name ? name : "(not a string)");
			return -EINVAL;
		}
		c->groups[c->ngroups++] = g;
	}
	return 0;
}

/* client_allowed_sans: a sequence of strings, into c->allowed_sans. */
static int load_sans(yaml_document_t *d, yaml_node_t *seq, struct web_config *c, char *why,
		     size_t len)
{
	size_t n;

	if (!seq || seq->type != YAML_SEQUENCE_NODE) {
		snprintf(why, len, "tls_server_config.client_allowed_sans: not a list");
		return -EINVAL;
	}
	for (size_t i = 0; i < c->nallowed_sans; i++)
		free(c->allowed_sans[i]);
	free(c->allowed_sans);
	c->nallowed_sans = 0;
	n = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
	c->allowed_sans = calloc(n + 1, sizeof(*c->allowed_sans));
	if (!c->allowed_sans)
		return -ENOMEM;
	for (yaml_node_item_t *it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++) {
		const char *name = scalar(d, yaml_document_get_node(d, *it));

		if (!name) {
			snprintf(why, len, "tls_server_config.client_allowed_sans: not a string");
			return -EINVAL;
		}
		c->allowed_sans[c->nallowed_sans] = strdup(name);
		if (!c->allowed_sans[c->nallowed_sans])
			return -ENOMEM;
		c->nallowed_sans++;
	}
	return 0;
}

/* What exporter-toolkit checks once the whole of tls_server_config is read. */
static int check_tls(struct web_config *c, bool has_ca, int min, int max, bool server_order,
		     char *why, size_t len)
{
	if (has_ca && c->client_auth == WEB_NO_CLIENT_CERT) {
		snprintf(why, len, "tls_server_config: client_ca_file given, but client_auth_type "
			 "asks for no client certificate");
		return -EINVAL;
	}
	if (!has_ca && (c->client_auth == WEB_VERIFY_CLIENT_CERT_IF_GIVEN ||
			c->client_auth == WEB_REQUIRE_AND_VERIFY_CLIENT_CERT)) {
		/* Go would fall back on the system's roots: any public CA's client would pass. */
		snprintf(why, len, "tls_server_config.client_auth_type verifies certificates: it "
			 "needs client_ca_file");
		return -EINVAL;
	}
	if (c->nallowed_sans && c->client_auth != WEB_VERIFY_CLIENT_CERT_IF_GIVEN &&
	    c->client_auth != WEB_REQUIRE_AND_VERIFY_CLIENT_CERT) {
		/* The names of a certificate nobody verified prove nothing. */
		snprintf(why, len, "tls_server_config.client_allowed_sans: needs a client_auth_type "
			 "that verifies certificates (VerifyClientCertIfGiven, "
			 "RequireAndVerifyClientCert)");
		return -EINVAL;
	}
	if (min > max) {
		snprintf(why, len, "tls_server_config: min_version TLS%d is above max_version TLS%d",
			 min, max);
		return -EINVAL;
	}
	if (tls_priorities(c->priorities, sizeof(c->priorities), min, max, c->suites, c->nsuites,
			   server_order) ||
	    tls_groups_append(c->priorities, sizeof(c->priorities), c->groups, c->ngroups)) {
		snprintf(why, len, "tls_server_config.cipher_suites: too many");
		return -EINVAL;
	}
	return 0;
}

/* The tls_server_config keys read here (the lists apart: cipher_suites, curve_preferences, ...). */
static bool tls_key_known(const char *k)
{
	static const char *const keys[] = { "cert_file", "key_file", "client_ca_file",
					    "client_auth_type", "min_version", "max_version",
					    "prefer_server_cipher_suites" };

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(keys[i], k))
			return true;
	return false;
}

static int load_tls(yaml_document_t *d, yaml_node_t *m, const struct named_files *files,
		    struct web_config *c, char *why, size_t len)
{
	const char *cert = NULL, *key = NULL, *ca = NULL;
	/* exporter-toolkit's defaults: TLS 1.2 and 1.3, the server's suite order. */
	int min = 12, max = 13;
	bool server_order = true;
	yaml_node_pair_t *p;
	int err;

	if (m->type != YAML_MAPPING_NODE) {
		snprintf(why, len, "tls_server_config: not a mapping");
		return -EINVAL;
	}
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(d, yaml_document_get_node(d, p->key));
		yaml_node_t *vn = yaml_document_get_node(d, p->value);
		const char *v = scalar(d, vn);

		if (k && (!strcmp(k, "cipher_suites") || !strcmp(k, "curve_preferences") ||
			  !strcmp(k, "client_allowed_sans"))) {
			if (!strcmp(k, "cipher_suites"))
				err = load_suites(d, vn, c, why, len);
			else if (!strcmp(k, "curve_preferences"))
				err = load_curves(d, vn, c, why, len);
			else
				err = load_sans(d, vn, c, why, len);
			if (err)
				return err;
			continue;
		}
		if (k && !tls_key_known(k)) {
			/* Refused rather than ignored: a setting the user relies on must not vanish. */
			snprintf(why, len, "tls_server_config.%s: not supported", k);
			return -ENOTSUP;
		}
		if (!k || !v) {
			snprintf(why, len, "tls_server_config: %s: not a string", k ? k : "a key");
			return -EINVAL;
		}
		if (!strcmp(k, "cert_file")) {
			cert = v;
		} else if (!strcmp(k, "key_file")) {
			key = v;
		} else if (!strcmp(k, "client_ca_file")) {
			ca = v;
		} else if (!strcmp(k, "client_auth_type")) {
			if (parse_client_auth(v, &c->client_auth)) {
				snprintf(why, len, "tls_server_config.client_auth_type %s: unknown "
					 "(NoClientCert, RequestClientCert, RequireAnyClientCert, "
					 "VerifyClientCertIfGiven, RequireAndVerifyClientCert)", v);
				return -EINVAL;
			}
		} else if (!strcmp(k, "min_version") || !strcmp(k, "max_version")) {
			int ver = tls_version_find(v);

			if (ver < 0) {
				snprintf(why, len, "tls_server_config.%s %s: unknown TLS version "
					 "(TLS10, TLS11, TLS12, TLS13)", k, v);
				return -EINVAL;
			}
			*(k[1] == 'i' ? &min : &max) = ver;
		} else if (!strcmp(k, "prefer_server_cipher_suites")) {
			if (parse_bool(v, &server_order)) {
				snprintf(why, len, "tls_server_config.%s %s: not true or false", k, v);
				return -EINVAL;
			}
		}
	}
	if (!cert || !key) {
		snprintf(why, len, "tls_server_config: needs cert_file and key_file");
		return -EINVAL;
	}
	err = check_tls(c, ca != NULL, min, max, server_order, why, len);
	if (!err)
		err = read_named(files, "tls_server_config.cert_file", cert, &c->cert_pem, why, len);
	if (!err)
		err = read_named(files, "tls_server_config.key_file", key, &c->key_pem, why, len);
	if (!err && ca)
		err = read_named(files, "tls_server_config.client_ca_file", ca, &c->client_ca_pem, why,
				 len);
	return err;
}

/*
 * The headers exporter-toolkit lets a config add, with the values it allows
 * (NULL: any); every other one (Content-Type, WWW-Authenticate, ...) is the
 * server's to set.
 */
static const struct {
	const char *name;
	const char *values[3];
} allowed_headers[] = {
	{ "Strict-Transport-Security", { NULL } },
	{ "X-Content-Type-Options", { "nosniff", NULL } },
	{ "X-Frame-Options", { "deny", "sameorigin", NULL } },
	{ "X-XSS-Protection", { NULL } },
	{ "Content-Security-Policy", { NULL } },
};

static int check_header(const char *name, const char *value, char *why, size_t len)
{
	for (size_t i = 0; i < sizeof(allowed_headers) / sizeof(allowed_headers[0]); i++) {
		const char *const *ok = allowed_headers[i].values;

		if (strcmp(allowed_headers[i].name, name))
			continue;
		if (strpbrk(value, "\r\n")) {
			snprintf(why, len, "http_server_config.headers.%s: a line break in the value",
				 name);
			return -EINVAL;
		}
		if (!ok[0])
			return 0;
		for (; *ok; ok++)
			if (!strcmp(*ok, value))
				return 0;
		snprintf(why, len, "http_server_config.headers.%s %s: invalid value (%s%s%s)", name,
			 value, allowed_headers[i].values[0], allowed_headers[i].values[1] ? " or " : "",
			 allowed_headers[i].values[1] ? allowed_headers[i].values[1] : "");
		return -EINVAL;
	}
	snprintf(why, len, "http_server_config.headers: HTTP header \"%s\" can not be configured",
		 name);
	return -EINVAL;
}

static int load_headers(yaml_document_t *d, yaml_node_t *m, struct web_config *c, char *why,
			size_t len)
{
	size_t n;

	if (m->type != YAML_MAPPING_NODE) {
		snprintf(why, len, "http_server_config.headers: not a mapping");
		return -EINVAL;
	}
	n = (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
	c->headers = calloc(n + 1, sizeof(*c->headers));
	if (!c->headers)
		return -ENOMEM;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(d, yaml_document_get_node(d, p->key));
		const char *v = scalar(d, yaml_document_get_node(d, p->value));
		struct web_header *h = &c->headers[c->nheaders];
		int err;

		if (!k || !v) {
			snprintf(why, len, "http_server_config.headers: %s: not a string",
				 k ? k : "a key");
			return -EINVAL;
		}
		err = check_header(k, v, why, len);
		if (err)
			return err;
		h->name = strdup(k);
		h->value = strdup(v);
		if (!h->name || !h->value) {
			free(h->name);
			free(h->value);
			return -ENOMEM;
		}
		c->nheaders++;
	}
	return 0;
}

static int load_http(yaml_document_t *d, yaml_node_t *m, struct web_config *c, char *why,
		     size_t len)
{
	if (m->type != YAML_MAPPING_NODE) {
		snprintf(why, len, "http_server_config: not a mapping");
		return -EINVAL;
	}
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(d, yaml_document_get_node(d, p->key));
		yaml_node_t *v = yaml_document_get_node(d, p->value);
		bool on;
		int err;

		if (k && !strcmp(k, "headers")) {
			err = load_headers(d, v, c, why, len);
			if (err)
				return err;
		} else if (k && !strcmp(k, "http2")) {
			if (!scalar(d, v) || parse_bool(scalar(d, v), &on)) {
				snprintf(why, len, "http_server_config.http2: not true or false");
				return -EINVAL;
			}
			if (on) {
				snprintf(why, len, "http_server_config.http2 true: not supported "
					 "(HTTP/1.1 only)");
				return -ENOTSUP;
			}
		} else {
			snprintf(why, len, "http_server_config.%s: not supported", k ? k : "a key");
			return -ENOTSUP;
		}
	}
	return 0;
}

static int load_users(yaml_document_t *d, yaml_node_t *m, struct web_config *c, char *why,
		      size_t len)
{
	size_t n;
	yaml_node_pair_t *p;

	if (m->type != YAML_MAPPING_NODE) {
		snprintf(why, len, "basic_auth_users: not a mapping");
		return -EINVAL;
	}
	n = (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
	c->users = calloc(n + 1, sizeof(*c->users));
	if (!c->users)
		return -ENOMEM;
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(d, yaml_document_get_node(d, p->key));
		const char *v = scalar(d, yaml_document_get_node(d, p->value));
		struct web_user *u = &c->users[c->nusers];

		if (!k || !v) {
			snprintf(why, len, "basic_auth_users: %s: not a string", k ? k : "a key");
			return -EINVAL;
		}
		if (v[0] != '$') {
			snprintf(why, len, "basic_auth_users.%s: not a crypt(3) hash (bcrypt: $2b$...)", k);
			return -EINVAL;
		}
		u->name = strdup(k);
		u->hash = strdup(v);
		if (!u->name || !u->hash) {
			free(u->name);
			free(u->hash);
			return -ENOMEM;
		}
		c->nusers++;
	}
	return 0;
}

/*
 * A key given twice in any mapping of the document, or NULL: refused, as
 * yaml.v2's strict reading does; the loaders take each key once (a second
 * "headers" or "basic_auth_users" would replace the first's list).
 */
static const char *repeated_key(yaml_document_t *d)
{
	for (yaml_node_t *m = d->nodes.start; m < d->nodes.top; m++) {
		if (m->type != YAML_MAPPING_NODE)
			continue;
		for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
		     p++) {
			const char *k = scalar(d, yaml_document_get_node(d, p->key));

			for (yaml_node_pair_t *q = m->data.mapping.pairs.start; k && q < p; q++) {
				const char *kq = scalar(d, yaml_document_get_node(d, q->key));

				if (kq && !strcmp(kq, k))
					return k;
			}
		}
	}
	return NULL;
}

int web_config_parse(const char *text, size_t n, const char *dir, web_config_read_fn read,
		     struct web_config *c, char *why, size_t len)
{
	const struct named_files files = { dir, read };
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	const char *twice;
	int err = 0;

	memset(c, 0, sizeof(*c));
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, n);
	if (!yaml_parser_load(&parser, &doc)) {
		snprintf(why, len, "line %zu: %s", parser.problem_mark.line + 1,
			 parser.problem ? parser.problem : "not YAML");
		yaml_parser_delete(&parser);
		return -EINVAL;
	}
	root = yaml_document_get_root_node(&doc);
	twice = repeated_key(&doc);
	if (twice) {
		snprintf(why, len, "%s: given twice", twice);
		err = -EINVAL;
	} else if (root && root->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
		     !err && p < root->data.mapping.pairs.top; p++) {
			const char *k = scalar(&doc, yaml_document_get_node(&doc, p->key));
			yaml_node_t *v = yaml_document_get_node(&doc, p->value);

			if (k && !strcmp(k, "tls_server_config"))
				err = load_tls(&doc, v, &files, c, why, len);
			else if (k && !strcmp(k, "basic_auth_users"))
				err = load_users(&doc, v, c, why, len);
			else if (k && !strcmp(k, "http_server_config"))
				err = load_http(&doc, v, c, why, len);
			else {
				snprintf(why, len, "%s: not supported (tls_server_config, "
					 "http_server_config and basic_auth_users are)", k ? k : "a key");
				err = -ENOTSUP;
			}
		}
	} else if (root) {
		snprintf(why, len, "not a mapping");
		err = -EINVAL;
	}
	if (err == -ENOMEM)
		snprintf(why, len, "out of memory");
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (err)
		web_config_free(c);
	return err;
}

int web_config_load(const char *path, struct web_config *c, char *why, size_t len)
{
	char *copy = strdup(path), *text = NULL;
	size_t n;
	int err;

	memset(c, 0, sizeof(*c));
	if (!copy)
		return -ENOMEM;
	err = kstat_read_file(path, &text, &n);
	if (err)
		snprintf(why, len, "%s", strerror(-err));
	else
		err = web_config_parse(text, n, dirname(copy), kstat_read_file, c, why, len);
	free(text);
	free(copy);
	return err;
}

void web_config_free(struct web_config *c)
{
	free(c->cert_pem);
	free(c->key_pem);
	free(c->client_ca_pem);
	free(c->suites);
	free(c->groups);
	for (size_t i = 0; i < c->nallowed_sans; i++)
		free(c->allowed_sans[i]);
	free(c->allowed_sans);
	for (size_t i = 0; i < c->nheaders; i++) {
		free(c->headers[i].name);
		free(c->headers[i].value);
	}
	free(c->headers);
	for (size_t i = 0; i < c->nusers; i++) {
		free(c->users[i].name);
		free(c->users[i].hash);
		free(c->users[i].cached);
	}
	free(c->users);
	memset(c, 0, sizeof(*c));
}

/* Equal strings, in time that depends on their lengths only. */
static bool same(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	unsigned char diff = na != nb;

	for (size_t i = 0; i < na && i < nb; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return !diff;
}

bool web_config_check(struct web_config *c, const char *user, const char *password)
{
	struct crypt_data data;
	struct web_user *u = NULL;
	const char *h;

	for (size_t i = 0; i < c->nusers; i++)
		if (!strcmp(c->users[i].name, user))
			u = &c->users[i];
	if (!u)
		return false;
	if (u->cached && same(u->cached, password))
		return true;
	memset(&data, 0, sizeof(data));
	h = crypt_rn(password, u->hash, &data, sizeof(data));
	if (!h || !same(h, u->hash))
		return false;
	free(u->cached);
	u->cached = strdup(password);
	return true;
}
