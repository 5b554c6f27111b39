/**
 * Indonesian labels for CMS fields, by field name. Hints come from the schema doc comments; labels
 * stay short, so they live here. tests/unit/cms-config.test.ts fails when a schema field has no
 * label, so a new field cannot reach editors unlabelled.
 */
import { COLLECTION_NAMES, COLLECTIONS } from '../src/model/collections.ts';
export const FIELD_LABELS: Record<string, string> = {
  accessed: 'Tanggal dibuka',
  address: 'Alamat',
  aliases: 'Sebutan lain',
  alt: 'Teks pengganti (alt)',
  askInstead: 'Tanya ke',
  audience: 'Untuk siapa',
  body: 'Isi',
  capacity: 'Kapasitas',
  checked: 'Terakhir diperiksa',
  contact: 'Narahubung',
  contacts: 'Kontak',
  cost: 'Biaya',
  countries: 'Negara tujuan',
  country: 'Negara tujuan',
  date: 'Tanggal terbit',
  dateKnown: 'Tanggal terbit tercantum di berita asli',
  dateNote: 'Catatan tanggal',
  deadline: 'Batas pendaftaran',
  definition: 'Arti',
  desa: 'Desa/kelurahan',
  draft: 'Draf',
  eligibility: 'Syarat peserta',
  email: 'Surel',
  end: 'Selesai',
  example: 'Data contoh',
  expansion: 'Kepanjangan',
  fullName: 'Nama lengkap',
  hours: 'Jam layanan',
  howToJoin: 'Cara ikut',
  id: 'Kode sesi',
  image: 'Gambar utama',
  inPerson: 'Daftar langsung',
  kabupaten: 'Kabupaten/kota',
  kecamatan: 'Kecamatan',
  keywords: 'Kata kunci pencarian',
  kind: 'Jenis',
  labels: 'Label menu',
  language: 'Bahasa pengantar',
  lat: 'Garis lintang',
  legalBasis: 'Dasar hukum',
  lng: 'Garis bujur',
  locations: 'Lokasi',
  mode: 'Cara pelaksanaan',
  name: 'Nama',
  navigation: 'Menu utama',
  needsCheck: 'Perlu dicek ulang',
  note: 'Catatan',
  office: 'Kantor pengelola',
  onlineUrl: 'Tautan kelas daring',
  order: 'Urutan',
  organiser: 'Penyelenggara',
  outcomes: 'Yang didapat',
  partners: 'Mitra',
  path: 'Alamat halaman',
  phone: 'Telepon',
  program: 'Program',
  provider: 'Penyelenggara',
  province: 'Provinsi',
  publisher: 'Penerbit',
  region: 'Wilayah',
  regency: 'Kabupaten/kota',
  registration: 'Pendaftaran',
  related: 'Terkait',
  requirements: 'Syarat',
  role: 'Keterangan',
  seatsLeft: 'Sisa kursi',
  securityContact: 'Kontak keamanan',
  cmsRepo: 'Repositori CMS',
  cmsAuthUrl: 'Alamat OAuth CMS',
  services: 'Layanan',
  sessions: 'Sesi',
  siteName: 'Nama situs',
  siteUrl: 'Alamat situs',
  source: 'Sumber',
  sources: 'Sumber',
  src: 'Berkas gambar',
  stage: 'Tahap',
  start: 'Mulai',
  status: 'Status',
  step: 'Kalimat langkah',
  summary: 'Ringkasan',
  tags: 'Label topik',
  term: 'Istilah',
  timezone: 'Zona waktu',
  title: 'Judul',
  topics: 'Topik',
  until: 'Tampil sampai',
  url: 'Alamat web',
  venue: 'Tempat',
  whatsapp: 'WhatsApp',
};

/** Collection labels (plural, singular) as editors see them in the sidebar. */
export const COLLECTION_LABELS: Record<string, readonly [string, string]> = {
  ...Object.fromEntries(COLLECTION_NAMES.map((name) => [name, COLLECTIONS[name].cms])),
  settings: ['Pengaturan', 'Pengaturan'],
};

/** Fields holding another entry's file name: shown as a searchable pick-list of that collection. */
export const RELATIONS: Record<string, { collection: string; display: string }> = {
  'berita.program': { collection: 'program', display: 'name' },
  'pelatihan.program': { collection: 'program', display: 'name' },
  'panduan.related': { collection: 'panduan', display: 'title' },
  'glosarium.related': { collection: 'glosarium', display: 'term' },
};

/** Fields that hold an uploaded image (path relative to the collection entry). */
export const IMAGE_FIELDS = new Set(['berita.image.src']);

/**
 * Notes added after a field's doc comment where the CMS needs to say more than the schema does.
 * The site is static: it changes only when it is built again.
 */
export const HINT_NOTES: Record<string, string> = {
  'berita.date':
    'Situs dibangun ulang secara berkala: berita bertanggal nanti tetap tersembunyi sampai situs dibangun pada atau sesudah tanggal itu.',
  'pelatihan.sessions.start':
    'Jam diketik apa adanya, menurut jam di tempat sesi (lihat Zona waktu), berapa pun jam di komputer Anda.',
};
