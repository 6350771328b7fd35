// A real OpenID Connect provider for the SSO tests (node oidc-provider), standing in for the province's SSO.
// PORT, REDIRECT_URI and ACCOUNTS (JSON: { "login": { "email": "...", "name": "..." } }) come from the test.
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.ACCOUNTS ?? '{}');

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'baocao',
    client_secret: 'baocao-test-secret',
    redirect_uris: [process.env.REDIRECT_URI],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  async findAccount(ctx, id) {
    const known = accounts[id];
    return {
      accountId: id,
      async claims() {
        // email_verified and amr (RFC 8176 methods) as the test says: an unverified address, or a second factor used here.
        return { sub: id, email: known?.email ?? `${id}@example.invalid`, email_verified: known?.email_verified ?? true, name: known?.name ?? id,
          ...(known?.amr ? { amr: known.amr } : {}) };
      },
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'amr'] },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['baocao-test-cookie-key'] },
  pkce: { required: () => true },
});

provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
