-- the navigation badge counts an account's unread messages on every page
CREATE INDEX notice_unread_ix ON notice (account_id) WHERE read_at IS NULL;
