import { describe, expect, it } from "vitest";
import { faceAllowed, faceHostSources, parseFaceHosts } from "./face-hosts";

// What a moderator's browser may load a face from: only https, only the hosts FACE_HOSTS names.
const hosts = ["faces.example.com", "*.cdn.example.net", "img.example.org:8443"];

describe("whether a face may be shown", () => {
  it.each([
    ["https://faces.example.com/u/aiko.png", true],
    ["https://FACES.Example.com/u/aiko.png", true],
    ["https://a.cdn.example.net/aiko.png", true],
    ["https://a.b.cdn.example.net/aiko.png", true],
    ["https://img.example.org:8443/aiko.png", true],
  ])("%s is from an allowed host", (url, allowed) => {
    expect(faceAllowed(url, hosts)).toBe(allowed);
  });

  it.each([
    ["another host", "https://evil.example/aiko.png"],
    ["a host that only ends like an allowed one", "https://notfaces.example.com/aiko.png"],
    ["an allowed host as a subdomain of another", "https://faces.example.com.evil.example/aiko.png"],
    ["the wildcard's own domain (a wildcard means subdomains)", "https://cdn.example.net/aiko.png"],
    ["plain http", "http://faces.example.com/aiko.png"],
    ["another port", "https://faces.example.com:444/aiko.png"],
    ["no port where the entry names one", "https://img.example.org/aiko.png"],
    ["the allowed host as user name before the real host", "https://faces.example.com@evil.example/aiko.png"],
    ["user info in front of the allowed host", "https://evil.example@faces.example.com/aiko.png"],
    ["a password in front of the allowed host", "https://u:p@faces.example.com/aiko.png"],
    ["a malformed URL", "https://"],
    ["not a URL at all", "aiko.png"],
    ["a protocol-relative address", "//faces.example.com/aiko.png"],
    ["a data URL", "data:image/png;base64,iVBORw0KGgo="],
    ["javascript", "javascript:alert(1)"],
    ["an empty face", ""],
  ])("%s is not", (_what, url) => {
    expect(faceAllowed(url, hosts)).toBe(false);
  });

  it("shows nothing at all when no host is allowed (the default)", () => {
    expect(faceAllowed("https://faces.example.com/aiko.png", [])).toBe(false);
  });
});

describe("FACE_HOSTS", () => {
  it("is read as lower-case host names, blanks dropped", () => {
    expect(parseFaceHosts(" Faces.Example.com, *.cdn.example.net ,,img.example.org:8443 ")).toEqual(hosts);
    expect(parseFaceHosts(undefined)).toEqual([]);
    expect(parseFaceHosts("")).toEqual([]);
  });

  it("keeps out anything that is not a host name, so nothing else can reach the page policy", () => {
    expect(parseFaceHosts("https://faces.example.com,evil.example; script-src *,*,ok.example")).toEqual(["ok.example"]);
  });

  it("becomes https sources for the page's img-src", () => {
    expect(faceHostSources(hosts)).toEqual(["https://faces.example.com", "https://*.cdn.example.net", "https://img.example.org:8443"]);
  });
});
