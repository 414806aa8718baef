// Wacht's official JS SDK (@wacht/backend, pinned in package.json) as a third-party judge.
//
//   node drive_official_sdk.mjs <baseUrl>                         all 18 client.oauth.* functions
//   node drive_official_sdk.mjs <baseUrl> call <function> <json>  one function, args as a JSON array
//
// The API key comes from WACHT_API_KEY. The scenario's inputs are in scenario.json, shared with
// the Python side of the wire diff. Each result is checked at run time against the function's
// declared TypeScript return type (dist/index.d.ts), plus a few facts the scenario implies.
// Prints one JSON line per call: {"op", "fn", "ok", "problems", "notes"}.
import { readFileSync } from "node:fs";
import { WachtClient } from "@wacht/backend";

const here = new URL(".", import.meta.url);
const scenario = JSON.parse(readFileSync(new URL("scenario.json", here), "utf8"));

// -- the declared types, as run-time descriptors ----------------------------------------------
// A field declared `name?: T` may be absent, or null: the server emits every Option<T> as null
// where these types only say "optional". Such nulls are accepted and listed in "notes".
const optional = (type) => ({ optional: type });
const arrayOf = (type) => ({ arrayOf: type });
const oneOf = (...values) => ({ oneOf: values });
// `Promise<void>`. revokeOAuthGrant resolves to the server's 200 body `{}` (the SDK passes it
// through), the 204 operations to undefined: both are "nothing" to a caller.
const VOID = { void: true };

const OAuthScopeDefinition = {
  scope: "string",
  display_name: "string",
  description: "string",
  archived: "boolean",
  category: oneOf("", "personal", "organization", "workspace"),
  organization_permission: optional("string"),
  workspace_permission: optional("string"),
};
const OAuthApp = {
  id: "string",
  slug: "string",
  name: "string",
  description: optional("string"),
  logo_url: optional("string"),
  fqdn: "string",
  supported_scopes: arrayOf("string"),
  scope_definitions: arrayOf(OAuthScopeDefinition),
  allow_dynamic_client_registration: "boolean",
  is_active: "boolean",
  created_at: "string",
  updated_at: "string",
};
const OAuthDomainVerificationResponse = {
  domain: "string",
  cname_target: "string",
  verified: "boolean",
};
const Jwk = {
  kty: "string",
  kid: optional("string"),
  use: optional("string"),
  key_ops: optional(arrayOf("string")),
  alg: optional("string"),
  n: optional("string"),
  e: optional("string"),
  crv: optional("string"),
  x: optional("string"),
  y: optional("string"),
  x5u: optional("string"),
  x5c: optional(arrayOf("string")),
  x5t: optional("string"),
  "x5t#S256": optional("string"),
};
const OAuthClient = {
  id: "string",
  oauth_app_id: "string",
  client_id: "string",
  client_auth_method: "string",
  grant_types: arrayOf("string"),
  redirect_uris: arrayOf("string"),
  client_name: optional("string"),
  client_uri: optional("string"),
  logo_uri: optional("string"),
  tos_uri: optional("string"),
  policy_uri: optional("string"),
  contacts: optional(arrayOf("string")),
  software_id: optional("string"),
  software_version: optional("string"),
  token_endpoint_auth_signing_alg: optional("string"),
  jwks_uri: optional("string"),
  jwks: optional({ keys: arrayOf(Jwk) }),
  public_key_pem: optional("string"),
  is_active: "boolean",
  created_at: "string",
  updated_at: "string",
  client_secret: optional("string"),
};
const RotateOAuthClientSecretResponse = { client_secret: "string" };
const OAuthGrant = {
  id: "string",
  api_auth_app_slug: "string",
  oauth_client_id: "string",
  resource: "string",
  scopes: arrayOf("string"),
  status: "string",
  granted_at: "string",
  expires_at: optional("string"),
  revoked_at: optional("string"),
  granted_by_user_id: optional("string"),
  created_at: "string",
  updated_at: "string",
};
const OAuthAppSigningKey = {
  kid: "string",
  algorithm: "string",
  status: "string",
  public_key_pem: "string",
};

/** Problems of `value` against `type`, at `path`; accepted nulls go to the set `notes`. */
function check(value, type, path, problems, notes) {
  if (typeof type === "string") {
    if (typeof value !== type) problems.push(`${path}: expected ${type}, got ${show(value)}`);
  } else if ("optional" in type) {
    if (value === null) notes.add(`${path.replace(/\[\d+\]/g, "[]")}: null, declared optional`);
    else if (value !== undefined) check(value, type.optional, path, problems, notes);
  } else if ("arrayOf" in type) {
    if (!Array.isArray(value)) problems.push(`${path}: expected an array, got ${show(value)}`);
    else value.forEach((item, i) => check(item, type.arrayOf, `${path}[${i}]`, problems, notes));
  } else if ("oneOf" in type) {
    if (!type.oneOf.includes(value)) problems.push(`${path}: ${show(value)} not one of ${show(type.oneOf)}`);
  } else if ("void" in type) {
    const empty = isRecord(value) && Object.keys(value).length === 0;
    if (value !== undefined && !empty) problems.push(`${path}: expected nothing, got ${show(value)}`);
    if (empty) notes.add(`${path}: {}, the server's 200 body passed through`);
  } else if (!isRecord(value)) {
    problems.push(`${path}: expected an object, got ${show(value)}`);
  } else {
    for (const [key, fieldType] of Object.entries(type)) {
      check(value[key], fieldType, `${path}.${key}`, problems, notes);
    }
  }
}

const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value) => (value === undefined ? "undefined" : JSON.stringify(value));

// -- the scenario -----------------------------------------------------------------------------
// [operationId, function, declared return type, (client, saved) => Promise, expect(result) => problems]
function steps(s) {
  const slug = s.slug;
  const logo = new File([Buffer.from(s.logo.hex, "hex")], s.logo.filename, { type: s.logo.type });
  const definition = (app, scope) => app.scope_definitions.find((d) => d.scope === scope);
  const v = {}; // what later calls need from earlier results
  const expect = (cond, message) => (cond ? [] : [message]);
  return [
    ["create_oauth_app", "createOAuthApp", OAuthApp,
      (c) => c.oauth.createOAuthApp({ ...s.create_oauth_app, logo_file: logo }),
      (app) => [
        ...expect(app.slug === slug, `slug is ${app.slug}`),
        ...expect(typeof app.logo_url === "string", "the image/png logo was not kept"),
      ]],
    ["list_oauth_apps", "listOAuthApps", arrayOf(OAuthApp),
      (c) => c.oauth.listOAuthApps(),
      (apps) => expect(apps.some((a) => a.slug === slug), "the new app is not listed")],
    ["update_oauth_app", "updateOAuthApp", OAuthApp,
      (c) => c.oauth.updateOAuthApp(slug, s.update_oauth_app),
      (app) => expect(app.name === s.update_oauth_app.name, `name is ${app.name}`)],
    ["verify_oauth_app_domain", "verifyOAuthAppDomain", OAuthDomainVerificationResponse,
      (c) => c.oauth.verifyOAuthAppDomain(slug),
      () => []],
    ["update_oauth_scope", "updateOAuthScope", OAuthApp,
      (c) => c.oauth.updateOAuthScope(slug, s.scope, s.update_oauth_scope),
      (app) => expect(definition(app, s.scope)?.display_name === s.update_oauth_scope.display_name,
        "display_name not updated")],
    ["archive_oauth_scope", "archiveOAuthScope", OAuthApp,
      (c) => c.oauth.archiveOAuthScope(slug, s.archived_scope),
      (app) => expect(definition(app, s.archived_scope)?.archived === true, "not archived")],
    ["unarchive_oauth_scope", "unarchiveOAuthScope", OAuthApp,
      (c) => c.oauth.unarchiveOAuthScope(slug, s.archived_scope),
      (app) => expect(definition(app, s.archived_scope)?.archived === false, "still archived")],
    ["set_oauth_scope_mapping", "setOAuthScopeMapping", OAuthApp,
      (c) => c.oauth.setOAuthScopeMapping(slug, s.scope, s.set_oauth_scope_mapping),
      (app) => expect(definition(app, s.scope)?.category === s.set_oauth_scope_mapping.category,
        "category not set")],
    ["create_oauth_client", "createOAuthClient", OAuthClient,
      (c) => c.oauth.createOAuthClient(slug, s.create_oauth_client),
      (client) => {
        v.client = client;
        return expect(typeof client.client_secret === "string", "no client_secret on create");
      }],
    ["list_oauth_clients", "listOAuthClients", arrayOf(OAuthClient),
      (c) => c.oauth.listOAuthClients(slug),
      (clients) => expect(clients.some((x) => x.id === v.client.id), "the new client is not listed")],
    ["update_oauth_client", "updateOAuthClient", OAuthClient,
      (c) => c.oauth.updateOAuthClient(slug, v.client.id, s.update_oauth_client),
      (client) => expect(client.client_name === s.update_oauth_client.client_name,
        "client_name not updated")],
    ["rotate_oauth_client_secret", "rotateOAuthClientSecret", RotateOAuthClientSecretResponse,
      (c) => c.oauth.rotateOAuthClientSecret(slug, v.client.id),
      (r) => expect(r.client_secret !== v.client.client_secret, "the secret did not change")],
    ["list_oauth_grants", "listOAuthGrants", arrayOf(OAuthGrant),
      (c) => c.oauth.listOAuthGrants(slug, v.client.id),
      (grants) => {
        v.grant = grants[0];
        return expect(grants.length > 0, "no grants (the emulator seeds them per client)");
      }],
    ["revoke_oauth_grant", "revokeOAuthGrant", VOID,
      (c) => c.oauth.revokeOAuthGrant(slug, v.client.id, v.grant.id),
      () => []],
    ["list_signing_keys", "listOAuthAppSigningKeys", arrayOf(OAuthAppSigningKey),
      (c) => c.oauth.listOAuthAppSigningKeys(slug),
      (keys) => {
        v.firstKey = keys[0];
        return expect(keys.length === 1, `${keys.length} keys, expected the one made on create`);
      }],
    ["rotate_signing_key", "rotateOAuthAppSigningKey", { new: OAuthAppSigningKey },
      (c) => c.oauth.rotateOAuthAppSigningKey(slug),
      (r) => expect(r.new.kid !== v.firstKey.kid && r.new.status === "active", "no new active key")],
    ["compromise_signing_key", "compromiseOAuthAppSigningKey", VOID,
      (c) => c.oauth.compromiseOAuthAppSigningKey(slug, v.firstKey.kid),
      () => []],
    ["deactivate_oauth_client", "deactivateOAuthClient", VOID,
      (c) => c.oauth.deactivateOAuthClient(slug, v.client.id),
      () => []],
  ];
}

async function runScenario(client) {
  for (const [op, fn, type, call, expect] of steps(scenario)) {
    const problems = [];
    const notes = new Set();
    try {
      const result = await call(client);
      check(result, type, "result", problems, notes);
      if (problems.length === 0) problems.push(...expect(result));
    } catch (error) {
      problems.push(`threw ${error?.name}: ${error?.message}`);
    }
    print({ op, fn, ok: problems.length === 0, problems, notes: [...notes] });
  }
}

async function runOne(client, fn, args) {
  try {
    const result = await client.oauth[fn](...args);
    print({ fn, ok: true, result: result ?? null });
  } catch (error) {
    print({ fn, ok: false, error: { name: error?.name, message: error?.message } });
  }
}

const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");

const [baseUrl, mode, fn, args] = process.argv.slice(2);
if (!baseUrl || !process.env.WACHT_API_KEY) {
  console.error("usage: WACHT_API_KEY=... node drive_official_sdk.mjs <baseUrl> [call <fn> <json args>]");
  process.exit(2);
}
// A test driver: it only ever talks to a server on this machine (the tests run offline).
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(baseUrl).hostname)) {
  console.error(`refusing ${baseUrl}: not a loopback address`);
  process.exit(2);
}
const client = new WachtClient({ apiKey: process.env.WACHT_API_KEY, baseUrl });
if (mode === "call") await runOne(client, fn, JSON.parse(args));
else await runScenario(client);
