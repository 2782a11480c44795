-- What the CRM has taken of online payments besides the payment itself:
-- refunds written back (crm_refunded, in minor units of the refunded
-- total; crm_refund_pending is the upper end of a refund being written),
-- and why the CRM refused a payment for good.
ALTER TABLE payment_attempts ADD COLUMN crm_refunded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payment_attempts ADD COLUMN crm_refund_pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payment_attempts ADD COLUMN crm_failure TEXT NOT NULL DEFAULT '';
