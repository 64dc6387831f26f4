// The project's real product photos (pipeline/data/shop-photos): load and convert them as the
// extension does, predict, score. One file per step under shop-photos/; this is their entry.
export { decodePhoto } from './shop-photos/decode-photo.js';
export { loadShopPhotos, SHOP_PHOTOS_DIR, type ShopPhoto } from './shop-photos/load-shop-photos.js';
export { predictShopPhotos } from './shop-photos/predict-shop-photos.js';
export { scoreShopPhotos, type ShopPhotoResult, type ShopPhotoScores } from './shop-photos/score-shop-photos.js';
export { parseShopPhotoLabels, type ShopPhotoLabel } from './shop-photos/shop-photo-labels.js';
