-- What a service type needs beyond a target and quantity (custom comments, usernames, a poll
-- answer, a subscription's terms, drip-feed runs), as JSON. Quoted once, copied to the order,
-- sent to the supplier as is; NULL for plain link-and-quantity orders and top-ups.
ALTER TABLE quotes ADD COLUMN extras TEXT;
ALTER TABLE orders ADD COLUMN extras TEXT;
