export type { AddressClass } from './address/address-class';
export { classifyAddress } from './address/classify-address';
export { isTrustedClientAddress, TRUSTED_CLIENT_CLASSES } from './address/is-trusted-client-address';
export type { BindChoice, BindResult, NetworkInterfaceTable } from './bind/bind-choice';
export { chooseBindAddress, type ChooseBindAddressOptions } from './bind/choose-bind-address';
export { interfaceNameForAddress } from './bind/interface-name-for-address';
export { NetBindingErrorCode, type NetBindingError } from './errors/net-binding-error';
