import type { BusinessDay, InboxSettings } from '../contract/inbox';

/** The zone this machine runs in; UTC when the runtime does not say or names a zone it cannot use. */
export function machineTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return 'UTC';
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

const OFFICE_DAY: BusinessDay = { start: '09:00', end: '17:00' };

/** Monday to Friday, 09:00 to 17:00 (Monday first, as the settings store them). */
export const DEFAULT_BUSINESS_HOURS: readonly BusinessDay[] = [OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, null, null];

/**
 * A workspace that nobody configured yet: a two-hour goal ("two hours are the new two days")
 * in office hours of the machine's own zone.
 */
export const DEFAULT_INBOX_SETTINGS: Readonly<InboxSettings> = Object.freeze({
  goalMinutes: 120,
  timeZone: machineTimeZone(),
  businessHours: DEFAULT_BUSINESS_HOURS.map((day) => (day ? { ...day } : null)),
  signaturePlacement: 'replies',
  currentAgentId: null,
  requireAltText: false,
  acknowledgementReplyId: null,
});

/** A fresh, mutable copy of the defaults. */
export function defaultInboxSettings(): InboxSettings {
  return { ...DEFAULT_INBOX_SETTINGS, businessHours: DEFAULT_INBOX_SETTINGS.businessHours.map((day) => (day ? { ...day } : null)) };
}
