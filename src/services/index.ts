export { call, type CallOptions } from './transport';
export { ApiCallError, isUnregistered, messageOf } from './apiCallError';
export { newRequestId } from './requestId';
export { getToken, setToken, clearToken, needsLogin } from './session';
export { listDemoAccounts, devLogin, type DemoAccount, type DevLoginAnswer } from './devLogin';
export { uploadPhoto, photoSrc } from './upload';
export { choosePhotos, isPickerCancel, NOT_AN_IMAGE, type ChosenPhoto } from './choosePhotos';
