import type { Membership } from '@openofd/contract';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useMe } from './use-me';

const STORAGE_KEY = 'openofd.organizationId';

interface CurrentOrganization {
  /** The organization the cabinet shows; undefined when the account has none. */
  current: Membership | undefined;
  organizations: Membership[];
  select(id: string): void;
}

const Ctx = createContext<CurrentOrganization | null>(null);

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the chosen organization per browser; falls back to the first one the user belongs to. */
export function CurrentOrganizationProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const [chosen, setChosen] = useState<string | null>(readStored);
  const organizations = me.data?.organizations ?? [];
  const current = organizations.find((o) => o.id === chosen) ?? organizations[0];
  const select = useCallback((id: string) => {
    setChosen(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ current, organizations, select }), [current, organizations, select]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCurrentOrganization(): CurrentOrganization {
  const v = useContext(Ctx);
  if (!v) throw new Error('useCurrentOrganization outside CurrentOrganizationProvider');
  return v;
}
