-- The chat message that shows a QRIS invoice (its QR and "check payment" button), so that the
-- button can be replaced once the invoice is paid or closed. Null until the QR is sent.
ALTER TABLE payments ADD COLUMN invoice_message_id INTEGER;
