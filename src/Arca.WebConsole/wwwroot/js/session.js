// The signed-in principal, kept in sessionStorage only: it lives as long as the tab, is never sent anywhere but in
// SigV4 signatures, and sign-out clears it. The console therefore never sees more than that principal may.

const KEY = 'arca.console.session';

/**
 * The session, or null when signed out:
 * { credentials: { accessKeyId, secretAccessKey, sessionToken? }, region, identity: { Account, Arn, UserId },
 *   organization: { Id, MasterAccountId } | null, organizationError: string | null }
 */
export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function save(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

/** Sign-out: forget everything the console stored in this tab. */
export function clear() {
  sessionStorage.clear();
}

/** True when the signed-in account is its organization's management account (it may monitor every member). */
export function isManagement(session = current()) {
  return Boolean(session?.organization && session.organization.MasterAccountId === session.identity.Account);
}

/** The regions this Arca serves, rendered into the page shell by the server; the signed-in region first. */
export function regions(session = current()) {
  const served = (document.querySelector('meta[name="arca-regions"]')?.content ?? '').split(',').filter(Boolean);
  const first = session?.region;
  return first ? [first, ...served.filter((r) => r !== first)] : served;
}
