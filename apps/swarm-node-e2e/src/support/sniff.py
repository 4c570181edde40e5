# Captures every frame on every interface of the network namespace it runs in (a test LAN's hub,
# whose veth ends carry all traffic between hosts) and appends the raw bytes to a file, until
# SIGTERM. Tests search the capture for strings that must never cross the LAN in clear text.
# Usage: python3 sniff.py <output file>   (needs root; prints "sniffing" once the socket is open)
import signal
import socket
import sys

ETH_P_ALL = 0x0003

output = open(sys.argv[1], 'wb')
sniffer = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(ETH_P_ALL))
sniffer.settimeout(0.2)


def stop(_signum, _frame):
    output.close()
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
print('sniffing', flush=True)
while True:
    try:
        frame = sniffer.recv(65535)
    except socket.timeout:
        continue
    output.write(frame)
    output.flush()
