/** Kysely's view of the tables of issue 13 (see src/db/migrations/2026-12-07T0100-mail-notifications.ts). */
import type { Generated } from "kysely";

export type RoundEventKind =
  | "opened"
  | "due_soon"
  | "due_today"
  | "overdue"
  | "returned"
  | "approved"
  | "comment";

/** The outbox: what happened in a round, fanned out to users by the notifications capability. */
export interface RoundEventsTable {
  municipality_code: string;
  id: string;
  round_id: string;
  item_key: string | null;
  kind: RoundEventKind;
  /** a reminder's key ('due_soon:2024-06-27'), so that it is made once */
  once_key: string | null;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  note: string | null;
  created_at: Generated<Date>;
  fanned_out_at: Date | null;
}

export type MailStatus = "pending" | "sent" | "failed" | "off" | "no_settings";

export interface NotificationsTable {
  municipality_code: string;
  id: string;
  user_id: string;
  event_id: string;
  kind: RoundEventKind;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
  mail_status: MailStatus;
  mail_to: string | null;
  mail_attempts: Generated<number>;
  mail_error: string | null;
  mail_next_at: Date | null;
  mailed_at: Date | null;
}

export interface NotificationOptOutsTable {
  municipality_code: string;
  user_id: string;
  kind: string;
}

export interface MailSettingsTable {
  municipality_code: string;
  host: string;
  port: number;
  starttls: boolean;
  username: string | null;
  /** the SMTP password encrypted (src/core/secrets.ts: `aes256gcm:v1:…`), never in clear */
  password_sealed: string | null;
  from_address: string;
  /** the address of gyokaku as users reach it, for the links in mails */
  app_url: string;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface RoundRemindersTable {
  municipality_code: string;
  round_id: string;
  days_before: number;
}

export interface ItemCommentsTable {
  municipality_code: string;
  id: string;
  round_id: string;
  item_key: string;
  kind: "comment" | "return";
  author_id: string | null;
  author_name: string;
  author_role: string;
  body: string;
  created_at: Generated<Date>;
}

export interface EvidenceFilesTable {
  municipality_code: string;
  id: string;
  round_id: string;
  item_key: string;
  file_name: string;
  content_type: string;
  size: number;
  data: Uint8Array;
  uploaded_by_id: string | null;
  uploaded_by_name: string;
  uploaded_at: Generated<Date>;
  public: Generated<boolean>;
}

export interface NotificationTables {
  round_events: RoundEventsTable;
  notifications: NotificationsTable;
  notification_opt_outs: NotificationOptOutsTable;
  mail_settings: MailSettingsTable;
  round_reminders: RoundRemindersTable;
  item_comments: ItemCommentsTable;
  evidence_files: EvidenceFilesTable;
}
