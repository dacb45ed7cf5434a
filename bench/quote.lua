-- wrk script: POST the seed example to the quote endpoint with a bearer token from the environment.
local token = os.getenv("KABINET_TOKEN")
local body = os.getenv("KABINET_QUOTE_BODY")
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
