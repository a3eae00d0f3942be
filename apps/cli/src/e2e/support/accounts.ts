import { apiRoutes, CSRF_HEADER, cookies, type DevMailResponse, webLinks } from '@openofd/contract';

export interface NewAccount {
  email: string;
  phone: string;
  password: string;
  fullName?: string;
}

/**
 * Signs up and confirms an account over the HTTP API (the same calls the web
 * app makes), for suites whose subject is not sign-up itself.
 */
export async function createConfirmedAccount(baseUrl: string, account: NewAccount): Promise<void> {
  const jar = new Map<string, string>();
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = jar.get(cookies.csrf);
    if (csrf) headers[CSRF_HEADER] = decodeURIComponent(csrf);
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const sc of res.headers.getSetCookie()) {
      const pair = sc.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  await call('GET', apiRoutes.csrf);
  await call('POST', apiRoutes.signUp, account);
  // The letter travels over SMTP into the dev sink: wait for it.
  let token: string | null = null;
  for (let i = 0; i < 50 && !token; i++) {
    const mail = await call<DevMailResponse>(
      'GET',
      `${apiRoutes.devMail}?to=${encodeURIComponent(account.email)}`,
    );
    const link = mail.messages.flatMap((m) => m.links).find((l) => l.includes(webLinks.confirmEmail));
    token = link ? new URL(link).searchParams.get('token') : null;
    if (!token) await new Promise((r) => setTimeout(r, 100));
  }
  if (!token) throw new Error(`no confirmation letter for ${account.email}`);
  await call('POST', apiRoutes.confirmEmail, { token });
}
