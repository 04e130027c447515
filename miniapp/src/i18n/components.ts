/** Texts of the shared components (components/*) and form parts every area uses. */
export const componentTexts = {
  id: {
    "pager.previous": "Sebelumnya",
    "pager.next": "Berikutnya",
    "pager.label": "Hal. {page} dari {pages}",
    "form.reason": "Alasan (wajib, dicatat di log audit)",
    "form.reason.placeholder": "Mis.: pelanggan komplain lewat WhatsApp",
  },
  en: {
    "pager.previous": "Previous",
    "pager.next": "Next",
    "pager.label": "Page {page} of {pages}",
    "form.reason": "Reason (required, kept in the audit log)",
    "form.reason.placeholder": "E.g. the customer complained on WhatsApp",
  },
};
