# English. Amounts and times are formatted in code and passed as text.

welcome = Hi, <b>{ $name }</b>! 👋
    Buy followers, likes, views and other social media services here — pay with QRIS, processed automatically.
    Just type what you want, for example <i>buy 1000 instagram followers</i>, or pick a category below.
greeting = Hi, <b>{ $name }</b>! What are you looking for today?
help = <b>How to order</b>
    1. Type what you are looking for, e.g. <i>ig followers</i> or <i>tiktok views 5000</i>.
    2. Pick a service by its number (e.g. <i>ID 12</i>, or just type <i>12</i>).
    3. Send the target link/username and the quantity.
    4. Check the summary, tap <b>Pay with QRIS</b> and scan the QR.

    Commands: /start main menu · /orders order history · /balance wallet · /language change language · /cancel drop the order in progress
error-generic = Sorry, something went wrong on our side. Please try again in a moment 🙏
not-understood = Sorry, I didn't get that. Tell me which service you need (e.g. <i>instagram followers</i>) or pick a category:
not-understood-media = I can only read text messages. Type the service you need, or /start for the menu.
unknown-command = I don't know that command. Type /help for the list, or just write the service you need.
button-stale = This button is no longer valid.

catalog-empty = The service catalog is still empty. Please try again later.
categories-pick = Pick a platform:
categories-none-for-platform = No services for that platform yet. Pick another one:
search-nothing = Sorry, nothing matches that yet. Pick from these categories:
kinds-pick = Which <b>{ $platform }</b> service are you looking for?
platform-pick-for-kind = { $kind } for which platform?
button-all-categories = « All platforms
button-more = More »
list-title = <b>{ $platform } — { $kind }</b>
search-title = <b>Matching services</b>
service-line = <b>ID { $mid }</b> · { $name }
    { $price } · min { $min } · max { $max }
service-line-item = <b>ID { $mid }</b> · { $name }
    { $price }
service-list-footer = Showing { $shown } of { $total }. Pick with a button or type the number, e.g. <i>ID 12</i>.

kind-followers = Followers
kind-likes = Likes
kind-views = Views
kind-comments = Comments
kind-subscribers = Subscribers
kind-members = Members
kind-shares = Shares
kind-saves = Saves
kind-plays = Plays
kind-watch_hours = Watch hours
kind-reactions = Reactions
kind-retweets = Retweets/Reposts
kind-story_views = Story views
kind-live_views = Live views
kind-votes = Votes
kind-listeners = Listeners
kind-diamonds = Diamonds / game items
kind-membership = Membership
kind-topup = Top-up
kind-other = Other

pick-product-first = Noted! Now pick the service first (type its number, e.g. <i>ID 12</i>).
service-selected = ✅ <b>ID { $mid }</b> — { $name }
    Price: <b>{ $price }</b>
ask-target-and-quantity = Send the target <b>link or @username</b> and the <b>quantity</b> ({ $min }–{ $max }).
    Example: <code>{ $example } 1000</code>
ask-target = Send the target <b>link or @username</b>. Example: <code>{ $example }</code>
ask-quantity = What <b>quantity</b>? At least { $min }, at most { $max }.
problem-unknown-mid = There is no service <b>ID { $mid }</b>. Check the number in the list, or type the service you need.
problem-not-sellable = Service <b>ID { $mid }</b> cannot be ordered through the bot yet. Please pick another one.
problem-quantity = A quantity of { $quantity } won't work: this service takes at least <b>{ $min }</b> and at most <b>{ $max }</b>.
problem-target-invalid = That target doesn't look right: send a full link (https://…) or an @username.
problem-target-platform = That link is not from <b>{ $platform }</b>. Send a valid { $platform } link or an @username.
quote = 🧾 <b>Order summary</b>
    Service: <b>ID { $mid }</b> — { $name }
    Target: { $target }
    Quantity: { $quantity }
    Price: { $price } / { $unit }
    <b>Total: { $total }</b>
    Price valid until { $until }.
quote-topup = 🧾 <b>Order summary</b>
    Product: <b>ID { $mid }</b> — { $name }
    { $account }
    Quantity: { $quantity }
    <b>Total: { $total }</b>
    Make sure this is the right account. Price valid until { $until }.
button-pay-qris = 💳 Pay with QRIS
button-cancel = ✖️ Cancel
checkout-canceled = OK, order cancelled. Type the service you need any time.

pay-creating = Creating your QRIS…
invoice-caption = 🧾 <b>Order #{ $order }</b>
    Total: <b>{ $total }</b>
    Pay before <b>{ $until }</b> ({ $minutes } minutes).
    Scan this QR with any bank or e-wallet app that supports QRIS. The order is processed automatically once the payment arrives.
button-check-payment = 🔄 Check payment
payment-not-found = Payment not found.
payment-check-paid = The payment for order #{ $order } has been received ✅
payment-check-pending = No payment yet. The QR is valid until { $until }.
payment-check-closed = This invoice is no longer active. Place a new order to pay again.
pay-problem-unavailable = The shop has not enabled payments yet. Please contact the admin.
pay-problem-quote-expired = This price quote has expired. Send your order again for the current price.
pay-problem-service-unavailable = This service is not available right now. Please pick another one.
pay-problem-order-closed = Order #{ $order } for this quote is already paid or closed. See /orders.
pay-problem-in-progress = Your QRIS is being created, one moment please.
pay-problem-gateway = The payment gateway is having trouble. Tap Pay again in a moment; you have not been charged.

payment-received = ✅ Payment of <b>{ $amount }</b> for order <b>#{ $order }</b> received. Your order is being sent to the supplier.
payment-credited = 💰 A payment of <b>{ $amount }</b> arrived after order #{ $order } was already paid, so it went to your wallet balance. See /balance.
payment-expired = ⌛ The invoice for order #{ $order } expired and was not charged. Send your order again if you still want it.
payment-failed = The payment for order #{ $order } was cancelled by the payment provider. You have not been charged.
order-processing = 🚀 Order <b>#{ $order }</b> is being processed. We'll tell you when it's done. Check any time with /orders.
order-started = ⏳ Order <b>#{ $order }</b> has started.
order-completed = 🎉 Order <b>#{ $order }</b> is complete! Thank you for shopping with us.
order-completed-note = 🎉 Order <b>#{ $order }</b> is complete! Note: <code>{ $note }</code>
order-partial = Order <b>#{ $order }</b> was only partly delivered ({ $remains } not delivered). <b>{ $amount }</b> went back to your wallet (/balance).
order-canceled = Order <b>#{ $order }</b> was cancelled by the supplier. <b>{ $amount }</b> went back to your wallet in full (/balance).
order-refunded = Sorry, order <b>#{ $order }</b> could not be processed: { $reason ->
        [invalid_link] the supplier did not accept the link or target
        [quantity_range] the quantity is outside the supplier's limits
        [duplicate_active_link] there is still an active order for the same link
        [invalid_service] the service is currently unavailable
       *[other] the supplier cannot process orders right now
    }. <b>{ $amount }</b> went back to your wallet (/balance).
order-checking = We are checking order <b>#{ $order }</b> with the supplier by hand. Your payment is safe — an admin will make sure it is delivered or refunded.

balance = 💰 Wallet balance: <b>{ $amount }</b>
ledger-recent = <b>Recent transactions</b>
ledger-line = { $when } · { $amount } · { $reason } (order #{ $order })
ledger-reason-refund = refund
ledger-reason-topup = top-up
ledger-reason-adjustment = adjustment

orders-none = You have no orders yet. Type the service you need to start.
orders-title = <b>Latest orders</b>
order-line = <b>#{ $order }</b> · { $status }
    { $quantity } → { $target }
    { $amount } · { $when }
order-status-awaiting_payment = awaiting payment
order-status-paid = paid
order-status-placing = sent to supplier
order-status-processing = processing
order-status-completed = completed ✅
order-status-partial = partial (rest refunded)
order-status-canceled = cancelled (refunded)
order-status-unknown = being checked by an admin
order-status-refunded = refunded
order-status-expired = expired
order-status-manual = handled manually by an admin

language-pick = Pilih bahasa / Choose your language:
language-set = Language changed to English 🇬🇧

admin-amount-mismatch = ⚠️ Payment amount mismatch on invoice { $reference } (order #{ $order }): expected { $expected }, received { $received }. The order was NOT fulfilled; please check.
admin-order-rejected = ⚠️ The supplier refused order #{ $order }: { $message }. The customer was refunded to their wallet.
admin-order-unknown = 🚨 The supplier outcome of order #{ $order } is unknown ({ $reason }). Do not resend before checking the supplier's panel.
admin-order-manual = 📝 Order #{ $order } is waiting to be handled manually.
admin-order-failover = 🔁 Order #{ $order } moved to a backup supplier (ID { $mid }) because: { $reason }

fact-limits = min { $min } · max { $max }
fact-refill = refill guaranteed
fact-refill-days = { $days }-day refill guarantee
fact-refill-lifetime = lifetime refill guarantee
fact-no-refill = no refill
fact-speed = speed { $speed }
fact-per-day = /day
ask-player-id = Send your { $game } <b>player ID</b>. Example: <code>123456789</code>
ask-player-id-zone = Send your { $game } <b>player ID</b> and <b>Zone/Server ID</b>. Example: <code>12345678 (1234)</code>
ask-phone = Send the destination <b>phone number</b>. Example: <code>081234567890</code>
ask-customer-no = Send the <b>customer number</b> / meter ID. Example: <code>12345678901</code>
problem-player-id = That player ID doesn't look right: send the number shown on your game profile.
problem-zone-missing = This game needs the <b>Zone/Server ID</b> too, e.g. <code>12345678 (1234)</code>.
problem-phone = That phone number doesn't look right: send a number starting with 08 or +62.
problem-customer-no = That customer number doesn't look right: send 6–20 digits.
problem-account-not-found = No game account was found with that ID. Please check your ID (and Zone ID).
admin-catalog-sync = 🔄 { $provider } catalog updated: { $imported } new, { $removed } removed by the supplier, { $repriced } repriced, { $skipped } rows skipped.
admin-catalog-below-cost = ⛔ { $count } { $provider } services are no longer sold because their fixed price is now below the supplier's cost: ID { $mids }. Change their price to sell them again.
admin-catalog-sync-failed = ⚠️ The { $provider } catalog could not be updated: { $message }. The previous catalog stays in use.

button-pay-wallet = 👛 Pay from balance ({ $balance })
button-pay-stars = ⭐ Pay with Telegram Stars ({ $stars })
pay-problem-balance = Your wallet holds { $balance }, not enough for { $amount } ({ $missing } short), so no order was created. Pick another way to pay below, or top up first with /topup.
payment-received-wallet = ✅ Order <b>#{ $order }</b> paid from your balance ({ $amount }). It is being sent to the supplier.
payment-received-stars = ✅ Payment of { $stars } ⭐ for order <b>#{ $order }</b> received. It is being sent to the supplier.
stars-refused-unknown = This invoice is not known.
stars-refused-price = The invoice's price has changed. Please order again.
stars-refused-expired = This invoice has expired. Please order again.
stars-refunded-late = Your { $stars } ⭐ payment for order #{ $order } arrived after its invoice was closed, so we refunded the Stars.
order-refunded-stars = Order <b>#{ $order }</b> could not be processed. Your Telegram Stars payment was refunded in full.
paysupport = <b>Payment support</b>
    A problem with a payment? Send your order number (see /orders) and an admin will help. Orders that fail are refunded automatically: QRIS and balance payments to your wallet (/balance), Telegram Stars to your Telegram account.
topup-ask = How much would you like to add? Pick an amount below or type, for example, <code>/topup 75000</code>.
topup-out-of-range = Top-ups are at least { $min } and at most { $max }.
topup-caption = 👛 <b>Wallet top-up</b>
    Total: <b>{ $total }</b>
    Pay before <b>{ $until }</b> ({ $minutes } minutes). Your balance updates automatically once the payment arrives.
topup-received = 👛 Top-up of <b>{ $amount }</b> received. See /balance.
payment-late-credited = 💰 Your payment of <b>{ $amount }</b> for order #{ $order } arrived after its invoice expired, so it went to your wallet balance. You can use it for your next order (/balance).
admin-stars-unknown = ⚠️ A Telegram Stars payment arrived for an unknown invoice (charge { $charge }). Please refund it by hand.
admin-order-stuck = ⏰ Order #{ $order } has shown no progress for { $hours } hours (supplier status: { $status }). Please check it.
ledger-reason-purchase = purchase

orders-footer = Orders { $from }–{ $to } of { $total }. Tap an order number for its details.
button-older = Older »
button-newer = « Newer
button-all-orders = « All orders
button-refresh = 🔄 Refresh status
button-refill = ♻️ Request refill
button-cancel-order = ✖️ Cancel order
order-not-found = Order not found.
order-refreshed = Status refreshed
order-detail = 📦 <b>Order #{ $order }</b> · { $status }
    Service: { $service }
    { $target }
    Quantity: { $quantity } · { $amount }
    Created: { $when }
order-progress = Delivered: <b>{ $delivered }</b> of { $quantity }
order-note = Note: <code>{ $note }</code>
order-cancel-pending = A cancel request was sent to the supplier; you are refunded as soon as the supplier cancels it.
order-refill-status = Last refill: { $status } ({ $when })
refill-status-requested = requested
refill-status-pending = waiting
refill-status-in_progress = in progress
refill-status-completed = completed
refill-status-rejected = rejected
refill-requested = ♻️ A refill for order #{ $order } was requested from the supplier. We'll tell you when it's done.
refill-completed = ♻️ The refill of order <b>#{ $order }</b> is complete.
refill-rejected = The supplier rejected the refill of order #{ $order }. Contact an admin if the count is still short.
cancel-requested = A cancel request for order #{ $order } was sent to the supplier. You are refunded to your wallet as soon as the supplier cancels it.
aftercare-not-found = Order not found.
aftercare-refill-not-offered = This service has no refill guarantee.
aftercare-refill-not-yet = A refill can be requested once the order is complete.
aftercare-refill-expired = This order's refill guarantee has ended.
aftercare-refill-in-progress = A refill for this order is still running.
aftercare-cancel-not-offered = This service cannot be cancelled.
aftercare-cancel-too-late = This order can no longer be cancelled.
aftercare-supplier-refused = The supplier refused the request: { $message }
aftercare-supplier-unavailable = The supplier cannot be reached right now. Please try again in a moment.
order-refunded-admin = 💰 An admin refunded <b>{ $amount }</b> for order #{ $order } to your wallet (/balance).
wallet-adjusted = 👛 An admin adjusted your wallet: { $amount }. Your balance is now { $balance }.
duplicate-active-order = ⚠️ Order <b>#{ $order }</b> for the same link and service is still running. Suppliers usually refuse a second order until the first is done. Wait for it, or order anyway?
button-order-anyway = Order anyway
duplicate-active-link = ⚠️ An order for the same link and service is still running. Suppliers usually refuse a second order until the first is done. Wait for it, or order anyway?
order-canceled-admin = Order <b>#{ $order }</b> was cancelled by an admin. <b>{ $amount }</b> went back to your wallet (/balance).
order-manual-wallet = 📝 An admin placed order <b>#{ $order }</b> for you: { $service } × { $quantity }, paid from your wallet ({ $amount }; balance now { $balance }). The admin will handle it and let you know.
order-manual-external = 📝 An admin placed order <b>#{ $order }</b> for you: { $service } × { $quantity } ({ $amount }, already paid outside the bot). The admin will handle it and let you know.

# Rate limit and hand-off to a person (customers)
rate-limited = Slow down a little 🙏 Those messages came too fast; wait about a minute, then send again.
handoff-opened = 🙋 Sure, one of our team will answer you right here (number #{ $number }). Just write your question; the bot stays quiet meanwhile.
    Type /cancel or tap the button below to go back to the bot.
handoff-opened-misunderstood = Sorry, I don't seem to be able to help with that. 🙋 One of our team will answer you right here (number #{ $number }). Just write your question.
    Type /cancel or tap the button below to go back to the bot.
handoff-already-open = You are already connected with our team (#{ $number }). Just write your message; they will answer here.
handoff-unavailable = Sorry, nobody from the team can be reached through the bot right now. Please try again later.
handoff-button-leave = 🤖 Back to the bot
handoff-left = 🤖 OK, you're back with the bot. Just type the service you need.
handoff-closed = ✅ Our team has finished the chat. The bot is ready to help again — just type the service you need.
handoff-command-while-open = You are talking with our team (#{ $number }). Write your message for them, or type /cancel to go back to the bot.
handoff-text-only = For now only text messages can be passed on to the team. Please write your message as text.
handoff-not-for-admins = You are a shop admin: hand-offs are how customers reach the admins.
handoff-admin-says = 🧑‍💼 <b>Admin</b>: { $text }

# Hand-off (admins)
handoff-alert = 🙋 <b>Hand-off #{ $number }</b> — { $customer }
    Reason: { $reason ->
        [asked] the customer asked for a person
       *[misunderstood] the bot misunderstood several times
    }

    <b>Recent conversation</b>
    { $transcript }

    ↩️ Reply to this message to answer, or <code>/reply { $number } text</code>. Done: <code>/end { $number }</code>.
handoff-button-end = ✅ End #{ $number }
handoff-relay = 💬 <b>#{ $number }</b> { $customer }:
    { $text }
handoff-closed-by-customer = 🤖 Hand-off #{ $number } ({ $customer }) was ended by the customer; the bot is back.
handoff-admins-only = ⛔ This command is for shop admins only.
handoff-usage-reply = Usage: <code>/reply number text</code>, e.g. <code>/reply 12 We checked it for you</code>. Or reply to the hand-off message.
handoff-usage-end = Usage: <code>/end number</code>, e.g. <code>/end 12</code>.
handoff-not-found = There is no hand-off #{ $number }. See the open ones with /handoffs.
handoff-already-closed = Hand-off #{ $number } is already closed; nothing was sent. See the open ones with /handoffs.
handoff-customer-unreachable = The message for hand-off #{ $number } was not delivered: the customer blocked the bot or deleted the chat.
handoff-reply-sent = ✓ Sent to { $customer } (#{ $number })
handoff-ended = ✅ Hand-off #{ $number } closed. { $customer } was told the bot is back.
handoff-ended-toast = Hand-off #{ $number } closed.
handoff-already-closed-toast = Hand-off #{ $number } was already closed.
handoff-list-empty = No open hand-offs.
handoff-list-title = <b>Open hand-offs ({ $count })</b>
handoff-list-line = #{ $number } · { $customer } · { $reason ->
        [asked] asked for a person
       *[misunderstood] bot misunderstood
    } · since { $since }

# Assistant
question-no-answer = Sorry, I don't have a sure answer to that yet. Shall I connect you to an admin?
question-related = This may help too:
button-talk-to-admin = 💬 Talk to an admin
refill-which-order = Which order should be refilled? Pick it below, then tap <b>Refill</b>.
smalltalk-reply = You're welcome 😊 To order, just write what you need (for example <i>instagram followers</i>).

# Admin chat (/admin), for staff only
admin-menu = 🛠 <b>Shop admin</b>
    Stats, supplier balances, status sync, order lookup and hand-offs. Every setting is in the admin app.
admin-button-stats = 📊 Today
admin-button-balances = 💰 Supplier balances
admin-button-sync = 🔄 Sync all orders
admin-button-find = 🔎 Find an order
admin-button-handoffs = 🙋 Open hand-offs
admin-button-app = 📱 Open the admin app
admin-stats = 📊 <b>Today</b> (since 00:00 WIB)
    Revenue: <b>{ $revenue }</b> · profit: <b>{ $profit }</b>
    Paid orders: <b>{ $paid }</b>
admin-stats-status = { $status }: { $count }
admin-balances = 💰 <b>Supplier balances</b>
admin-balances-none = No active supplier yet.
admin-balance-failed = ⚠️ { $message }
admin-syncing = 🔄 Syncing…
admin-sync-done = 🔄 <b>Sync done</b>: { $checked } orders checked, { $changed } changed, { $failed } suppliers did not answer.
admin-find-ask = 🔎 Send the order number, for example <code>123</code> (or /cancel).
admin-find-invalid = An order number is digits, for example <code>123</code>. Try again, or /cancel.
admin-order-not-found = There is no order #{ $order }.
admin-order = 📦 <b>Order #{ $order }</b> — { $status }
    { $service }
    Target: <code>{ $target }</code>
    Quantity: { $quantity } · { $amount }
    Customer: { $customer }
    Created: { $created }
admin-order-refunded = Refunded so far: { $refunded } · left: { $left }
admin-button-order-sync = 🔄 Sync this order
admin-button-order-refund = 💸 Refund in full
admin-order-synced = Asked the supplier.
admin-refund-ask = 💸 Full refund of order #{ $order }: { $amount } to the customer's balance.
    Write the reason (kept in the audit log), or /cancel.
admin-refund-confirm = 💸 Refund <b>{ $amount }</b> of order #{ $order } to { $customer }'s balance?
    Reason: { $reason }
admin-button-refund-yes = ✅ Yes, refund
admin-button-refund-no = Cancel
admin-refund-done = ✅ { $amount } for order #{ $order } went back to the customer's balance.
admin-refund-failed = The refund did not go through: { $message }
admin-refund-dropped = Refund canceled.
admin-step-dropped = OK, dropped.
admin-no-permission = Your role cannot do this.

# Paying and reading orders (chat-pay): wallet short of the total, account lines, paid invoices
wallet-short = 👛 Your balance of { $balance } is { $missing } short of paying from it — top up first with /topup.
account-line-link = Target: { $account }
account-line-game_id = Player ID: { $account }
account-line-phone = Phone number: { $account }
account-line-customer_no = Customer number: { $account }
account-nickname = Nickname: <b>{ $nickname }</b>
stars-amount = ⭐ { $stars }
stars-refused-paid = Order #{ $order } is already paid ✅ See its status in /orders.
button-view-order = ✅ Paid · view order #{ $order }
topup-expired = ⌛ The QRIS to top up { $amount } expired and was not charged. Type /topup if you still want to add to your balance.
stars-invoice-title = Order #{ $order }
stars-invoice-description = { $service } × { $quantity }

# admin-catalog: new services of a later supplier wait for review
admin-catalog-review = 🆕 { $count } new { $provider } services are hidden for review, so customers don't see twins. Open the admin app → Services → Waiting for review: sell, hide, or keep as a backup.
## chat-find: result pages, refund questions, short answers to greetings and unreadable messages
button-previous = « Previous
service-list-footer-range = Showing { $from }–{ $to } of { $total }. Pick with a button or type the number, e.g. <i>ID 12</i>.
results-outdated = This list is out of date. Type the service you are looking for again.
refund-order-title = 💸 <b>Refund of order #{ $order }</b>
refund-orders-title = <b>Your orders:</b>
refund-orders-none = None of your orders is canceled, partly delivered or still running right now, so there is no money to come back.
refund-orders-more = …and { $count } more orders (/orders).
refund-line = • <b>#{ $order }</b> ({ $status }): { $state }
refund-state-refunded = { $amount } of { $paid } is back in your wallet balance (/balance).
refund-state-refunded-stars = refunded in full as Telegram Stars.
refund-state-running = still running. If it is canceled or only partly delivered, the rest comes back to your wallet balance on its own.
refund-state-checking = an admin is checking its status with the supplier; whatever was not delivered goes back to your wallet balance.
refund-state-delivered = delivered in full, so there is no refund. If the count drops, request a refill from the order's details.
refund-state-unpaid = not paid, so there is no money to come back.
refund-ask-person = Something not right? Our admin can help.
button-order-number = 📦 #{ $order }
greeting-hint = Hi, <b>{ $name }</b>! 👋 Just type what you are looking for, e.g. <i>instagram followers</i> or <i>ml 86 diamonds</i>. Menu: /start
not-understood-short = Sorry, I didn't get that 🙏 Try typing what you are looking for, e.g. <i>instagram followers 1000</i>. Menu: /start
button-all-platforms = All platforms ({ $count }) »
# fulfilment: supplier out of funds, low balance, manual order progress
order-waiting-funds = ⏳ Order <b>#{ $order }</b> is being processed and is queued at our supplier. Your payment is safe — we'll message you as soon as it starts.
order-status-waiting_funds = being processed (queued)
admin-supplier-out-of-funds = 💸 Supplier <b>{ $supplier }</b> is out of funds (order #{ $order }). Top it up: waiting orders are placed by themselves once the balance covers them, or refunded to the customer after the deadline in Settings.
admin-supplier-funds-back = ✅ Supplier <b>{ $supplier }</b> has funds again: { $count } waiting orders sent again.
admin-supplier-low-balance = ⚠️ Supplier <b>{ $supplier }</b> is down to { $balance }, below your threshold of { $threshold }. Top it up before orders start waiting.
admin-order-funds-refunded = 💰 Order #{ $order } waited too long for supplier funds: { $amount } refunded to the customer.
order-progress-manual = 🔄 Order <b>#{ $order }</b> is being worked on{ $remains ->
        [none] .
       *[other] : { $remains } to go.
    }
# admin-polish: wallet history lines, one sentence per kind of entry (wallet.entry-kind.ts)
ledger-line-order = { $when } · { $amount } · { $reason } (order #{ $order })
ledger-line-plain = { $when } · { $amount } · { $reason }
ledger-entry-topup_qris = top-up by QRIS
ledger-entry-payment_late = paid after the invoice expired, credited to the balance
ledger-entry-payment_twice = second payment for an order already paid, credited to the balance
ledger-entry-purchase = purchase
ledger-entry-adjustment = adjustment by an admin
ledger-entry-refund_admin = refund by an admin
ledger-entry-refund_partial = refund: { $remains } of { $quantity } not delivered
ledger-entry-refund_supplier_canceled = refund: the supplier canceled the order
ledger-entry-refund_admin_partial = refund: part was not delivered
ledger-entry-refund_admin_canceled = refund: the order was canceled
ledger-entry-refund_not_placed = refund: the supplier could not take the order
ledger-entry-refund = refund
# currency: supplier currency held off sale, quote-time below-cost guard
admin-supplier-currency-mismatch = ⛔ { $provider } reports its prices in { $reported }, but it is set up as { $configured }. Nothing of it is imported or sold until this is fixed: set its currency to { $reported } (and its rate to rupiah) in the app, or with npm run cli -- provider edit "{ $provider }" --currency { $reported } --rate …, then import its catalog again.
admin-supplier-currency-no-rate = ⛔ { $provider } prices in { $configured } and has no rate to rupiah. Nothing of it is imported or sold until it has one: set the rate in the app, or with npm run cli -- provider edit "{ $provider }" --rate 16250 (rupiah per 1 { $configured }).
admin-supplier-currency-unverified = ⚠️ { $provider } could not be asked which currency it prices in. Nothing of it is imported or sold until it answers: check its URL and key, then test the connection.
admin-supplier-currency-needs-import = ✅ { $provider }'s currency now checks out. Its services were priced under the old setting: import its catalog again to price them anew and sell them.
admin-supplier-currency-ok = ✅ { $provider } prices in { $configured } as it reports: its services are sold again.
admin-quote-below-cost = ⛔ A customer was refused a quote for ID { $mid } ({ $name }, { $quantity }): { $price } no longer covers the supplier's current cost of { $cost } plus the minimum profit of { $profit }. Reprice it (import the supplier's catalog again, or change its price or margin).
admin-quote-cost-unknown = ⛔ A customer was refused a quote for ID { $mid } ({ $name }): its supplier's cost in rupiah cannot be worked out now (currency or rate to fix). Check the supplier in the app.
problem-price-outdated = Sorry, the price of ID { $mid } is being updated right now, so it can't be ordered at the moment. Please try again a little later or pick another service. Nothing has been charged.
# Service types (service-types): the extra inputs each SMM order type needs, their problems, and how they read in quotes and orders
ask-input-comments = Send the <b>comments</b>, one per line ({ $min }–{ $max } lines; the quantity is the number of lines).
    Example:
    <code>Great post!
    Love this 🔥</code>
ask-input-comments-package = Send the <b>comments</b> for this package, one per line (at most { $max } lines).
ask-input-usernames = Send the <b>usernames</b> to mention, one per line. Example: <code>@budi</code>
ask-input-usernames-list = Send the <b>list of usernames</b> to mention, one per line ({ $min }–{ $max } usernames; the quantity is the number of usernames).
ask-input-hashtags = Send the <b>hashtags</b>, separated by spaces. Example: <code>#food #jakarta</code>
ask-input-hashtag = Send <b>one hashtag</b> whose accounts will be mentioned. Example: <code>#food</code>
ask-input-username-followers = Send the <b>username</b> whose followers will be mentioned. Example: <code>@budi</code>
ask-input-username-comment = Send the <b>username of the comment's author</b>. Example: <code>@budi</code>
ask-input-media = Send the <b>post link</b> whose likers will be mentioned.
ask-input-keywords = Send the search <b>keywords</b>, one per line.
ask-input-answerNumber = Which <b>poll answer</b> should get the votes? (1 = first option, 2 = second, …)
ask-input-perPost = How many <b>per post</b>? Send a min–max range between { $min } and { $max }. Example: <code>{ $min }-{ $max }</code>
ask-input-posts = For how many <b>new posts</b>? (1–1,000; paid upfront for the maximum per post)
ask-input-delay = How many <b>minutes</b> after a new post should it start? Choose: { $allowed }
ask-input-expiry = Until what <b>date</b> should the subscription run? Format <code>31/12/2026</code>, or send <code>-</code> to run until the posts are used up.
ask-dripfeed = ⏱ <b>Drip-feed</b>: how many <b>runs</b> of { $quantity }, and how many <b>minutes</b> between them? Example: <code>5x30</code> = 5 runs, every 30 minutes (2–100 runs, 1–1,440 minutes).
problem-lines-comments = That is { $count } comment lines; this service takes <b>{ $min }–{ $max }</b>.
problem-lines-usernames = That is { $count } usernames; this service takes <b>{ $min }–{ $max }</b>.
problem-lines-keywords = That is { $count } keywords; at most <b>{ $max }</b>.
problem-input-comments = A comment is too long (at most { $max } characters per line).
problem-input-usernames = A username is not valid: use letters, digits, dots or underscores, one per line.
problem-input-hashtags = Those hashtags don't look right: use letters, digits or underscores, e.g. <code>#food</code>.
problem-input-hashtag = That hashtag doesn't look right: send one hashtag, e.g. <code>#food</code>.
problem-input-username = That username doesn't look right: use letters, digits, dots or underscores, e.g. <code>@budi</code>.
problem-input-media = That post link doesn't look right: send the full link of the post (https://…).
problem-input-keywords = A keyword is too long (at most { $max } characters).
problem-input-answerNumber = The answer number must be { $min }–{ $max }.
problem-input-perPost = The per-post range must be between <b>{ $min }</b> and <b>{ $max }</b> (min not above max), e.g. <code>{ $min }-{ $max }</code>.
problem-input-posts = The number of posts must be { $min }–{ $max }.
problem-input-delay = That delay is not offered. Choose one (minutes): { $allowed }
problem-input-expiry = That end date doesn't look right: use <code>31/12/2026</code> with a date after today, or <code>-</code> for no end date.
problem-input-runs = Drip-feed takes { $min }–{ $max } runs.
problem-input-interval = The drip-feed interval must be { $min }–{ $max } minutes.
problem-dripfeed-not-offered = This service cannot be drip-fed.
extra-comments = Comments ({ $count }): { $list }
extra-usernames = Usernames ({ $count }): { $list }
extra-hashtags = Hashtags: { $list }
extra-username = Username: { $value }
extra-media = Source post: { $value }
extra-keywords = Keywords: { $list }
extra-answer = Poll answer: number <b>{ $value }</b>
extra-subscription = Subscription { $username }: { $min }–{ $max } per post, { $posts } posts, { $delay } min delay, runs { $expiry }
extra-no-expiry = until the posts are used up
extra-until = until { $date }
extra-dripfeed = Drip-feed: { $runs } × { $quantity }, every { $interval } min (total { $total })
button-dripfeed = ⏱ Drip-feed
button-dripfeed-off = Send at once
