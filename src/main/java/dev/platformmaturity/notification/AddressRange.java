package dev.platformmaturity.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A range of IP addresses in CIDR notation, such as {@code 10.0.0.0/8}; parsing never
 * asks DNS.
 */
record AddressRange(byte[] network, int prefixLength, String text) {

	private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

	/**
	 * Addresses a webhook may not call unless allowed: this network, loopback, private
	 * (RFC 1918), shared (carrier-grade NAT), link-local (cloud metadata services live
	 * there), IETF protocol assignments, benchmarking, multicast and reserved ranges; for
	 * IPv6 also the unspecified address, unique local and site-local ranges and
	 * multicast. IPv4 addresses inside IPv6 (mapped, NAT64) are judged by their IPv4
	 * address.
	 */
	static final List<AddressRange> NOT_PUBLIC = List.of(parse("0.0.0.0/8"), parse("10.0.0.0/8"),
			parse("100.64.0.0/10"), parse("127.0.0.0/8"), parse("169.254.0.0/16"), parse("172.16.0.0/12"),
			parse("192.0.0.0/24"), parse("192.0.2.0/24"), parse("192.168.0.0/16"), parse("198.18.0.0/15"),
			parse("198.51.100.0/24"), parse("203.0.113.0/24"), parse("224.0.0.0/4"), parse("240.0.0.0/4"),
			parse("::/128"), parse("::1/128"), parse("fc00::/7"), parse("fe80::/10"), parse("fec0::/10"),
			parse("ff00::/8"), parse("2001:db8::/32"));

	/** Parses {@code 10.1.2.0/24}, {@code fd00::/8} or a single address. */
	static AddressRange parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("An address range is empty");
		}
		String trimmed = text.strip();
		int slash = trimmed.indexOf('/');
		String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
		byte[] bytes = literal(address);
		int prefix = bytes.length * 8;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException notANumber) {
				throw new IllegalArgumentException("Not an address range: " + text);
			}
			if (prefix < 0 || prefix > bytes.length * 8) {
				throw new IllegalArgumentException("Not an address range: " + text);
			}
		}
		return new AddressRange(bytes, prefix, trimmed);
	}

	/**
	 * The bytes of an IP address written as digits (never a host name, so DNS is never
	 * asked).
	 */
	private static byte[] literal(String address) {
		String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
			throw new IllegalArgumentException("Not an IP address: " + address);
		}
		try {
			return InetAddress.getByName(bare).getAddress();
		}
		catch (UnknownHostException notAnAddress) {
			throw new IllegalArgumentException("Not an IP address: " + address);
		}
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != network.length) {
			return false;
		}
		int full = prefixLength / 8;
		for (int i = 0; i < full; i++) {
			if (candidate[i] != network[i]) {
				return false;
			}
		}
		int rest = prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[full] & mask) == (network[full] & mask);
	}

	/**
	 * Whether the address is outside every non-public range (IPv4 inside IPv6 judged as
	 * IPv4).
	 */
	static boolean isPublic(InetAddress address) {
		InetAddress judged = embeddedIpv4(address);
		return NOT_PUBLIC.stream().noneMatch(range -> range.contains(judged));
	}

	/**
	 * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}) or NAT64
	 * ({@code 64:ff9b::/96}) address.
	 */
	private static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] bytes = address.getAddress();
		boolean mapped = isZero(bytes, 0, 10) && bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
		boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xFF && bytes[3] == (byte) 0x9B
				&& isZero(bytes, 4, 12);
		if (!mapped && !nat64) {
			return address;
		}
		try {
			return Inet4Address.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
		}
		catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AddressRange range && range.text.equals(text);
	}

	@Override
	public int hashCode() {
		return text.hashCode();
	}

	@Override
	public String toString() {
		return text;
	}

}
