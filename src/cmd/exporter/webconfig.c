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

#include "cmd/exporter/webconfig.h"
#include "kstat/kstat.h"

static const char *scalar(yaml_document_t *d, yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Reads a file named in the config (relative to the config's directory) into *out. */
static int read_named(const char *dir, const char *key, const char *name, char **out, char *why,
		      size_t len)
{
	char path[4096];
	size_t n;
	int err;

	if (name[0] == '/' || !dir)
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s/%s", dir, name);
	err = kstat_read_file(path, out, &n);
	if (err)
		snprintf(why, len, "%s: %s: %s", key, path, strerror(-err));
	return err;
}

static int load_tls(yaml_document_t *d, yaml_node_t *m, const char *dir, struct web_config *c,
		    char *why, size_t len)
{
	const char *cert = NULL, *key = NULL;
	yaml_node_pair_t *p;
	int err;

	if (m->type != YAML_MAPPING_NODE) {
		snprintf(why, len, "tls_server_config: not a mapping");
		return -EINVAL;
	}
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(d, yaml_document_get_node(d, p->key));
		const char *v = scalar(d, yaml_document_get_node(d, p->value));

		if (!k || !v) {
			snprintf(why, len, "tls_server_config: %s: not a string", k ? k : "a key");
			return -EINVAL;
		}
		if (!strcmp(k, "cert_file")) {
			cert = v;
		} else if (!strcmp(k, "key_file")) {
			key = v;
		} else if (!strcmp(k, "client_auth_type")) {
			if (strcmp(v, "NoClientCert")) {
				snprintf(why, len, "tls_server_config.client_auth_type %s: not supported "
					 "(NoClientCert only)", v);
				return -ENOTSUP;
			}
		} else {
			/* Refused rather than ignored: a setting the user relies on must not vanish. */
			snprintf(why, len, "tls_server_config.%s: not supported", k);
			return -ENOTSUP;
		}
	}
	if (!cert || !key) {
		snprintf(why, len, "tls_server_config: needs cert_file and key_file");
		return -EINVAL;
	}
	err = read_named(dir, "tls_server_config.cert_file", cert, &c->cert_pem, why, len);
	if (!err)
		err = read_named(dir, "tls_server_config.key_file", key, &c->key_pem, why, len);
	return err;
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

int web_config_load(const char *path, struct web_config *c, char *why, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	char *copy = strdup(path), *dir;
	FILE *f;
	int err = 0;

	memset(c, 0, sizeof(*c));
	if (!copy)
		return -ENOMEM;
	dir = dirname(copy);
	f = fopen(path, "r");
	if (!f) {
		err = -errno;
		snprintf(why, len, "%s", strerror(errno));
		free(copy);
		return err;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		snprintf(why, len, "line %zu: %s", parser.problem_mark.line + 1,
			 parser.problem ? parser.problem : "not YAML");
		yaml_parser_delete(&parser);
		fclose(f);
		free(copy);
		return -EINVAL;
	}
	root = yaml_document_get_root_node(&doc);
	if (root && root->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
		     !err && p < root->data.mapping.pairs.top; p++) {
			const char *k = scalar(&doc, yaml_document_get_node(&doc, p->key));
			yaml_node_t *v = yaml_document_get_node(&doc, p->value);

			if (k && !strcmp(k, "tls_server_config"))
				err = load_tls(&doc, v, dir, c, why, len);
			else if (k && !strcmp(k, "basic_auth_users"))
				err = load_users(&doc, v, c, why, len);
			else {
				snprintf(why, len, "%s: not supported (tls_server_config and "
					 "basic_auth_users are)", k ? k : "a key");
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
	fclose(f);
	free(copy);
	if (err)
		web_config_free(c);
	return err;
}

void web_config_free(struct web_config *c)
{
	free(c->cert_pem);
	free(c->key_pem);
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
