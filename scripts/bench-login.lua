-- wrk script: the login form POST, as a browser sends it.
-- scripts/bench.sh fetches /login once with curl and passes the CSRF pair and the
-- credentials through the environment:
--   BENCH_USER, BENCH_PASSWORD, BENCH_CSRF (the hidden `_csrf` field),
--   BENCH_CSRF_COOKIE (the `antoan_csrf` cookie value)
-- Every request is a full, successful login (password hash check + new session row):
-- 303 to /. wrk counts 4xx/5xx as "Non-2xx or 3xx responses".

local function urlencode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local function need(name)
  local v = os.getenv(name)
  if v == nil or v == "" then
    error(name .. " is not set (run this through scripts/bench.sh)")
  end
  return v
end

wrk.method = "POST"
wrk.body = "username=" .. urlencode(need("BENCH_USER"))
  .. "&password=" .. urlencode(need("BENCH_PASSWORD"))
  .. "&_csrf=" .. urlencode(need("BENCH_CSRF"))
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "antoan_csrf=" .. need("BENCH_CSRF_COOKIE")
