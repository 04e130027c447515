/** Texts of the staff area: who may use the admin app, with which role; adding, changing, removing. */
export const staffTexts = {
  id: {
    "staff.title": "Staf",
    "staff.members": "Staf ({count})",
    "staff.add": "Tambah staf",
    "staff.you": "kamu",
    "staff.from_config": "ADMIN_TELEGRAM_IDS",
    "staff.from_config.hint":
      "Pemilik dari ADMIN_TELEGRAM_IDS diatur di server dan tidak bisa diubah atau dihapus di sini, supaya toko tidak pernah terkunci.",
    "staff.roles": "Peran",
    "staff.role.owner.hint": "Semua, termasuk membuka kunci rahasia dan mengatur staf.",
    "staff.role.admin.hint":
      "Menjalankan toko: layanan, harga, pengaturan, broadcast, refund, mengganti kunci (tanpa bisa membacanya).",
    "staff.role.operator.hint":
      "Melihat toko, menangani pesanan dan hand-off. Tidak bisa melihat kunci, refund, atau mengubah toko.",

    "staff.add.screen": "Tambah staf",
    "staff.telegram_id": "ID Telegram",
    "staff.telegram_id.placeholder": "Mis. 123456789",
    "staff.telegram_id.hint":
      "ID angka orangnya (bukan @username). Mereka bisa melihatnya lewat bot seperti @userinfobot. Setelah ditambahkan, mereka membuka aplikasi admin dari bot toko.",
    "staff.telegram_id.invalid": "ID Telegram berupa angka saja.",
    "staff.name": "Nama (opsional)",
    "staff.role": "Peran",
    "staff.add.button": "Tambahkan sebagai {role}",

    "staff.member.screen": "Anggota staf",
    "staff.member.gone": "Orang ini sudah tidak ada di daftar staf.",
    "staff.change": "Simpan peran",
    "staff.change.confirm": "Ubah peran {name} dari {from} menjadi {to}? Berlaku di permintaan berikutnya.",
    "staff.change.yes": "Ya, jadikan {role}",
    "staff.change.back": "Batal",
    "staff.remove": "Hapus dari staf",
    "staff.remove.confirm": "Hapus {name} dari staf? Akses ke aplikasi admin dan /admin langsung dicabut.",
  },
  en: {
    "staff.title": "Staff",
    "staff.members": "Staff ({count})",
    "staff.add": "Add staff",
    "staff.you": "you",
    "staff.from_config": "ADMIN_TELEGRAM_IDS",
    "staff.from_config.hint":
      "Owners from ADMIN_TELEGRAM_IDS are set on the server and cannot be changed or removed here, so the shop can never lock itself out.",
    "staff.roles": "Roles",
    "staff.role.owner.hint": "Everything, including reading secrets back and managing staff.",
    "staff.role.admin.hint":
      "Runs the shop: services, prices, settings, broadcasts, refunds, replacing keys (without reading them).",
    "staff.role.operator.hint":
      "Sees the shop, handles orders and hand-offs. Cannot see keys, refund or change the shop.",

    "staff.add.screen": "Add staff",
    "staff.telegram_id": "Telegram id",
    "staff.telegram_id.placeholder": "E.g. 123456789",
    "staff.telegram_id.hint":
      "The person's numeric id (not the @username); bots like @userinfobot show it. Once added, they open the admin app from the shop's bot.",
    "staff.telegram_id.invalid": "A Telegram id has digits only.",
    "staff.name": "Name (optional)",
    "staff.role": "Role",
    "staff.add.button": "Add as {role}",

    "staff.member.screen": "Staff member",
    "staff.member.gone": "This person is no longer on the staff.",
    "staff.change": "Save role",
    "staff.change.confirm": "Change {name} from {from} to {to}? It applies from their next request.",
    "staff.change.yes": "Yes, make them {role}",
    "staff.change.back": "Cancel",
    "staff.remove": "Remove from staff",
    "staff.remove.confirm": "Remove {name} from the staff? Their access to the admin app and /admin ends at once.",
  },
};
