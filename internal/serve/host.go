package serve

import (
	"net"
	"net/netip"
	"strings"
)

// hosts decides which Host headers the server answers. A page of another
// site can point its own name at 127.0.0.1 (DNS rebinding) and then read
// this server as its own origin, drafts included; its requests carry that
// other name as Host. So only names of this machine are answered:
// localhost and *.localhost, loopback addresses, and the host of the
// address the server listens on. Listening on all interfaces (0.0.0.0 or
// ::), any IP address is answered too, so that others on the network can
// use this machine's address; names other than localhost are not.
// The zero value answers localhost names and loopback addresses only.
type hosts struct {
	names []string // lower case, without a final dot: the -addr host
	anyIP bool     // listening on all interfaces
}

// newHosts returns the hosts of a server asked to listen on addr and
// listening on bound.
func newHosts(addr string, bound net.Addr) hosts {
	var h hosts
	for _, a := range []string{addr, bound.String()} {
		host, _, err := net.SplitHostPort(a)
		if err != nil || host == "" {
			h.anyIP = h.anyIP || err == nil // ":1313" listens on all interfaces
			continue
		}
		if ip, err := netip.ParseAddr(host); err == nil && ip.IsUnspecified() {
			h.anyIP = true
			continue
		}
		h.names = append(h.names, canonicalHost(host))
	}
	return h
}

// canonicalHost lowers host, drops one final dot and the brackets of an
// IPv6 address.
func canonicalHost(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
}

// allow reports whether the server answers requests for Host hostport.
func (h hosts) allow(hostport string) bool {
	host := hostport
	if hp, _, err := net.SplitHostPort(hostport); err == nil {
		host = hp
	}
	host = canonicalHost(host)
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if ip.Zone() != "" {
			ip = ip.WithZone("")
		}
		if ip.IsLoopback() || ip.Is4In6() && ip.Unmap().IsLoopback() || h.anyIP {
			return true
		}
	}
	for _, n := range h.names {
		if host == n {
			return true
		}
	}
	return false
}
