import { apiRoutes } from '@openofd/contract';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { http } from '../api/http';

/** The API answers the dev outbox only in demo mode (no SMTP configured); elsewhere 404. */
async function probeDevMail(): Promise<boolean> {
  try {
    await http.get(apiRoutes.devMail, { query: { to: 'probe@openofd.invalid' } });
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return false;
    throw e;
  }
}

export function useDevMailAvailable(): boolean {
  const q = useQuery({
    queryKey: ['dev-mail-available'],
    queryFn: probeDevMail,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return q.data === true;
}
