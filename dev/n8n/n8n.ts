/**
 * Drives a real n8n (installed by scripts/ensure-n8n.sh outside the repository) for the e2e tests
 * and the local editor: a throwaway user folder per run, the package installed the way n8n
 * installs community packages, the CLI, `n8n start`, and the REST calls the editor makes.
 * The version is 2.41.1 unless N8N_E2E_VERSION names another (1.123.81: the supported 1.x line).
 *
 * Every route and payload below was read from n8n 2.41.1's own code (node_modules/n8n/dist and
 * @n8n/api-types/dist), not guessed:
 * - POST /rest/owner/setup {email, firstName, lastName, password}: skipAuth, sets the auth cookie.
 *   password: 8-64 chars with a digit and an uppercase letter.
 * - POST /rest/login {emailOrLdapLoginId, password}: sets cookie `n8n-auth` (a JWT).
 *   The JWT carries a hash of the `browser-id` request header; every later REST call must send
 *   the same header or gets 401 (only GETs of the OAuth callbacks, /types/*.json and push skip it).
 * - POST /rest/credentials/test {credentials: {id, name, type, data}}: `id` must be a stored
 *   credential the user can read; `data` is what gets tested (redacted values are restored from the
 *   stored ones, omitted data means none), answer {data: {status: 'OK' | 'Error', message}}.
 * - GET /rest/credentials/:id?includeData=true: the stored credential with redacted secrets.
 * - Workflows are "published" in 2.x: POST /rest/workflows/:id/activate {versionId} (versionId
 *   from GET /rest/workflows/:id), POST .../deactivate {}. Both only queue the change; GET
 *   /rest/workflows/:id/publication-status tells when the triggers are live (activateWorkflow). n8n 1.123 has the
 *   same activate route but activates before answering, and has no publication-status.
 *   Offline, `n8n publish:workflow --id=..` (`update:workflow --active=true` is a deprecated alias)
 *   marks it for activation at the next start. `import:workflow` always imports inactive, and
 *   `--activeState=fromJson` is refused outside queue mode.
 * - GET /rest/executions?filter={"workflowId":".."}&limit=N: {data: {count, results: [...]}}.
 *   GET /rest/executions/:id: {data: {id, status, mode, workflowId, data: <flatted string>}}.
 * - OAuth2 authorization code, see connectOAuth2 below.
 */
export * from './install';
export * from './ports';
export * from './cli';
export * from './process';
export * from './rest';
