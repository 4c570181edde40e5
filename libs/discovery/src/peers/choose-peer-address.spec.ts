import { subnetOf, type Ipv4Subnet } from '../network/local-interface';
import { choosePeerAddress } from './choose-peer-address';

const lan = subnetOf('192.168.1.20', '255.255.255.0') as Ipv4Subnet;

describe('choosePeerAddress', () => {
  it.each<[string[], Ipv4Subnet[], string | undefined]>([
    [['10.0.0.9', '192.168.1.7'], [lan], '192.168.1.7'],
    [['192.168.1.7', '10.0.0.9'], [lan], '192.168.1.7'],
    [['169.254.3.3', '127.0.0.1', '10.0.0.9'], [lan], '10.0.0.9'],
    [['169.254.3.3'], [lan], '169.254.3.3'],
    [['10.0.0.9', '10.0.0.10'], [], '10.0.0.9'],
    [[], [lan], undefined],
  ])('%j → %s', (addresses, subnets, expected) => {
    expect(choosePeerAddress(addresses, subnets)).toBe(expected);
  });
});
