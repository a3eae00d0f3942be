import type { Me, Organization } from '@openofd/contract';
import type { MeView, OrganizationRow, SessionInfo } from '@openofd/core';

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    inn: row.inn,
    kpp: row.kpp,
    ogrn: row.ogrn,
    directorName: row.directorName,
    legalAddress: row.legalAddress,
    actualAddress: row.actualAddress,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMe(view: MeView, method: SessionInfo['method']): Me {
  return {
    user: {
      id: view.user.id,
      email: view.user.email,
      phone: view.user.phone,
      fullName: view.user.fullName,
      pendingEmail: view.pendingEmail,
      createdAt: view.user.createdAt.toISOString(),
    },
    organizations: view.memberships.map((m) => ({
      id: m.organization.id,
      name: m.organization.name,
      inn: m.organization.inn,
      kpp: m.organization.kpp,
      role: m.role,
      permissions: m.permissions,
    })),
    signedInWith: method,
  };
}
